package dev.primary.server.licensing;

import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.computer.UpdateRecordWrites;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The update records of a read, offered to an {@link UpdateAdvisor} as if they could be written: a check-in whose
 * advice would write anything (a newly directed update, an audit entry) is not one that changes nothing, and goes
 * the durable way.
 */
final class ReadOnlyUpdateRecords implements UpdateRecordWrites {
    private final LongFunction<List<UpdateRecord>> records;

    private ReadOnlyUpdateRecords(LongFunction<List<UpdateRecord>> records) {
        this.records = records;
    }

    /** The advice for {@code computer}, or empty when giving it would change the store. */
    static Optional<CheckInDirectives> advise(UpdateAdvisor advisor, LicensingReads reads, Computer computer,
            Instant now) {
        return advise(advisor, reads::updateRecords, computer, now);
    }

    /**
     * The same over {@code records}, the computer's update records as they were read; {@code null} when they were not
     * read (the advice did not need them then): empty if the advice needs them now.
     */
    static Optional<CheckInDirectives> advise(UpdateAdvisor advisor, List<UpdateRecord> records, Computer computer,
            Instant now) {
        return advise(advisor, computerId -> {
            if (computerId != computer.id()) {
                throw new IllegalStateException("the advice for computer " + computer.id()
                        + " asked for the update records of computer " + computerId);
            }
            if (records == null) {
                throw new WouldWrite();
            }
            return records;
        }, computer, now);
    }

    /** The same over {@code records}, a source of update records (the store's, or a read's that notes them). */
    static Optional<CheckInDirectives> advise(UpdateAdvisor advisor, LongFunction<List<UpdateRecord>> records,
            Computer computer, Instant now) {
        try {
            return Optional.of(advisor.advise(new ReadOnlyUpdateRecords(records), computer, now));
        } catch (WouldWrite e) {
            return Optional.empty();
        }
    }

    @Override
    public List<UpdateRecord> updateRecords(long computerId) {
        return records.apply(computerId);
    }

    @Override
    public void saveUpdateRecord(long computerId, UpdateRecord record) {
        throw new WouldWrite();
    }

    @Override
    public void audit(AuditEvent event) {
        throw new WouldWrite();
    }

    /** The advice wanted to write, or records that were not read: no stack, it is an expected turn, not a fault. */
    private static final class WouldWrite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WouldWrite() {
            super("the advice would change the store", null, false, false);
        }
    }
}
