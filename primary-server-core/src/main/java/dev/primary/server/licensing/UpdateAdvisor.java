package dev.primary.server.licensing;

import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.computer.UpdateRecords;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How the licensing core learns about software updates at a check-in without knowing releases or
 * rollouts: it asks its advisor ({@code dev.primary.server.release.Releases} in a server that
 * serves updates, {@link #NONE} otherwise). The methods that take a store's writes run inside the
 * check-in's own store write, so a check-in stays one write; they must be cheap (no store access
 * beyond the computer's own update records) and must not block.
 */
public interface UpdateAdvisor {

    /** An advisor that knows no update: no directives, no downloads, no update views; reports are ignored. */
    UpdateAdvisor NONE = new UpdateAdvisor() {
        @Override
        public Set<Long> record(UpdateRecordWrites writes, Computer computer, List<UpdateReport> reports,
                String actor, Instant now) {
            return Set.of();
        }

        @Override
        public CheckInDirectives advise(UpdateRecordWrites writes, Computer computer, Instant now) {
            return CheckInDirectives.NONE;
        }

        @Override
        public void failuresRecorded(Set<Long> rolloutIds) {
            // no rollouts, nothing to halt
        }

        @Override
        public boolean mayDownload(String sha256) {
            return false;
        }

        @Override
        public List<UpdateView> updateViews(UpdateRecords reads, Computer computer) {
            return List.of();
        }
    };

    /**
     * Inside the check-in's write: records what the client reports about its updates for
     * {@code computer}. Returns the rollouts in which a computer newly failed, for
     * {@link #failuresRecorded} once the write is committed.
     */
    Set<Long> record(UpdateRecordWrites writes, Computer computer, List<UpdateReport> reports, String actor,
            Instant now);

    /** Inside the check-in's write, for a computer that is being given a lease: what it should install. */
    CheckInDirectives advise(UpdateRecordWrites writes, Computer computer, Instant now);

    /** After the check-in's write: the rollouts that got a new failure, whose failure threshold may now be reached. */
    void failuresRecorded(Set<Long> rolloutIds);

    /** Whether the package with this SHA-256 (hex) belongs to a known release or content update. */
    boolean mayDownload(String sha256);

    /** Where {@code computer} stands with each product's update, for Manage Computers. */
    List<UpdateView> updateViews(UpdateRecords reads, Computer computer);
}
