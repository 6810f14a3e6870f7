package dev.primary.server.computer;

import dev.primary.server.audit.AuditEvent;

/** What a check-in may change about a computer's updates, inside its store write. */
public interface UpdateRecordWrites extends UpdateRecords {

    /** Inserts or replaces the record of {@code computerId} for the record's product and rollout. */
    void saveUpdateRecord(long computerId, UpdateRecord record);

    void audit(AuditEvent event);
}
