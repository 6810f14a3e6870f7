package dev.primary.server.licensing;

import static dev.primary.server.licensing.CheckInIndexStoreTest.licensedComputer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.computer.UpdateRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How {@link CheckInIndex} makes, keeps and drops entries: never from a read that a change overtook. */
class CheckInIndexTest {
    private final CheckInIndex index = new CheckInIndex(CheckInIndex.Limits.DEFAULT);
    private final Computer computer = licensedComputer(7, "client-a");

    @Test
    void a_completed_fill_makes_an_entry_with_the_sequence_it_was_read_for() {
        CheckInIndex.Fill fill = index.startFill("client-a");
        assertThat(index.startFill("client-a")).as("one fill at a time").isNull();
        index.complete(fill, computer, List.of(), 12, Optional::empty);
        index.abandon(fill);

        assertThat(index.known("client-a")).get().satisfies(known -> {
            assertThat(known.computer()).isEqualTo(computer);
            assertThat(known.highestSequence()).isEqualTo(12);
        });
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.startFill("client-a")).as("it has an entry").isNull();
    }

    @Test
    void a_change_told_while_a_fill_reads_keeps_that_reads_view_out() {
        CheckInIndex.Fill revoked = index.startFill("client-a");
        index.clientChanged("client-a");
        index.complete(revoked, computer, List.of(), 12, Optional::empty);
        index.abandon(revoked);
        assertThat(index.known("client-a")).isEmpty();

        CheckInIndex.Fill sequenced = index.startFill("client-a");
        index.sequenceWritten("client-a", 20);
        index.complete(sequenced, computer, List.of(), 12, Optional::empty);
        index.abandon(sequenced);
        assertThat(index.known("client-a")).as("its sequence may be older than the store's").isEmpty();

        CheckInIndex.Fill moved = index.startFill("client-b");
        index.complete(index.startFill("client-a"), computer, List.of(), 12, Optional::empty);
        index.computerChanged(7, "client-b");
        index.complete(moved, licensedComputer(7, "client-b"), List.of(), 3, Optional::empty);
        assertThat(index.known("client-a")).as("the computer's holder before").isEmpty();
        assertThat(index.known("client-b")).as("and after").isEmpty();
    }

    @Test
    void a_change_to_a_computer_drops_the_entry_that_holds_it_and_a_sequence_only_raises_it() {
        CheckInIndex.Fill fill = index.startFill("client-a");
        index.complete(fill, computer, List.of(), 12, Optional::empty);

        index.sequenceWritten("client-a", 11);
        assertThat(index.known("client-a").map(CheckInIndex.Known::highestSequence)).hasValue(12L);
        index.sequenceWritten("client-a", 30);
        assertThat(index.known("client-a").map(CheckInIndex.Known::highestSequence)).hasValue(30L);
        index.computerChanged(8, null);
        assertThat(index.known("client-a")).as("another computer").isPresent();
        index.computerChanged(7, null);

        assertThat(index.known("client-a")).isEmpty();
        assertThat(index.startFill("client-a")).as("its place is free again").isNotNull();
    }

    @Test
    void at_most_max_clients_have_a_place_and_a_dropped_one_frees_it() {
        CheckInIndex small = new CheckInIndex(new CheckInIndex.Limits(2));
        CheckInIndex.Fill a = small.startFill("client-a");
        CheckInIndex.Fill b = small.startFill("client-b");
        assertThat(small.startFill("client-c")).isNull();

        small.abandon(b);
        assertThat(small.startFill("client-c")).isNotNull();
        small.complete(a, computer, List.of(), 1, Optional::empty);
        small.clientChanged("client-a");
        assertThat(small.startFill("client-d")).isNotNull();
        assertThat(small.startFill("client-e")).isNull();
    }

    @Test
    void a_license_is_read_again_once_any_license_was_written() {
        AtomicInteger reads = new AtomicInteger();
        Optional<License> none = Optional.empty();

        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            return none;
        });
        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            return none;
        });
        assertThat(reads).hasValue(1);
        index.licensesChanged();
        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            return none;
        });

        assertThat(reads).hasValue(2);
    }

    @Test
    void a_license_read_that_a_license_write_overtook_is_not_kept() {
        AtomicInteger reads = new AtomicInteger();
        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            index.licensesChanged(); // committed and told while this read was under way
            return Optional.empty();
        });
        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(reads).hasValue(2);
    }

    @Test
    void a_fill_caches_the_license_its_read_found_unless_a_license_was_written_meanwhile() {
        AtomicInteger reads = new AtomicInteger();
        CheckInIndex.Fill fill = index.startFill("client-a");
        index.complete(fill, computer, List.of(), 12, Optional::empty);
        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertThat(reads).as("cached by the fill").hasValue(0);

        CheckInIndex.Fill overtaken = index.startFill("client-b");
        index.licensesChanged();
        index.complete(overtaken, licensedComputer(8, "client-b"), List.of(), 3, Optional::empty);
        index.license("SEATS-1", serial -> {
            reads.incrementAndGet();
            return Optional.empty();
        });

        assertThat(reads).hasValue(1);
    }

    @Test
    void records_not_read_when_an_entry_was_made_leave_an_advice_that_needs_them_to_the_store() {
        UpdateAdvisor readingRecords = new UpdateAdvisor() {
            @Override
            public Set<Long> record(UpdateRecordWrites writes, Computer computer, List<UpdateReport> reports,
                    String actor, Instant now) {
                return Set.of();
            }

            @Override
            public CheckInDirectives advise(UpdateRecordWrites writes, Computer computer, Instant now) {
                writes.updateRecords(computer.id());
                return CheckInDirectives.NONE;
            }

            @Override
            public void failuresRecorded(Set<Long> rolloutIds) {}

            @Override
            public boolean mayDownload(String sha256) {
                return false;
            }

            @Override
            public List<UpdateView> updateViews(UpdateRecords reads, Computer computer) {
                return List.of();
            }
        };

        assertThat(ReadOnlyUpdateRecords.advise(readingRecords, (List<UpdateRecord>) null, computer, Instant.EPOCH))
                .isEmpty();
        assertThat(ReadOnlyUpdateRecords.advise(readingRecords, List.of(), computer, Instant.EPOCH))
                .contains(CheckInDirectives.NONE);
        assertThat(ReadOnlyUpdateRecords.advise(UpdateAdvisor.NONE, (List<UpdateRecord>) null, computer,
                Instant.EPOCH)).as("an advice that needs none").contains(CheckInDirectives.NONE);
    }

    @Test
    void turned_off_it_serves_nothing_and_makes_nothing() {
        CheckInIndex.Fill fill = index.startFill("client-a");
        index.complete(fill, computer, List.of(), 12, Optional::empty);

        index.turnOff("a write's outcome is unknown");

        assertThat(index.serving()).isFalse();
        assertThat(index.known("client-a")).isEmpty();
        assertThat(index.startFill("client-b")).isNull();
    }
}
