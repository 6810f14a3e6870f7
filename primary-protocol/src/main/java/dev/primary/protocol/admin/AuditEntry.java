package dev.primary.protocol.admin;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param id increasing sequence number
 * @param at when it happened
 * @param actor who did it: {@code admin}, {@code system} (automatic reclaim) or {@code client:<id>}
 * @param action what was done, e.g. {@code seat.granted}, {@code computer.revoked}, {@code license.imported}
 * @param subject what it was done to (computer, license serial)
 * @param detail more words; never a secret
 * @param source where the request that did it came from (the address of the admin caller or of the client), empty
 *     for what the server did by itself and for entries written before the trail recorded it
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail,
        String source) {
    public AuditEntry {
        source = source == null ? "" : source;
    }

    /** An entry without a known source. */
    public AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {
        this(id, at, actor, action, subject, detail, "");
    }
}
