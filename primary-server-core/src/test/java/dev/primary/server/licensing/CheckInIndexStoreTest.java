package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.server.account.AccountWrites;
import dev.primary.server.computer.ClientContact;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.enrollment.EnrollmentWrites;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.stats.StatsWrites;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreDoingNothing;
import dev.primary.server.store.StoreUnavailableException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What {@link CheckInIndexStore} tells the {@link CheckInIndex} of each unit of work, and when. */
class CheckInIndexStoreTest {
    private final CheckInIndex index = new CheckInIndex(CheckInIndex.Limits.DEFAULT);

    @Test
    void every_write_method_of_the_store_ports_is_placed_in_one_table() {
        Set<String> placed = new HashSet<>();
        for (Set<String> table : List.of(CheckInIndexStore.CLIENT, CheckInIndexStore.SEQUENCE,
                CheckInIndexStore.COMPUTER_ROW, CheckInIndexStore.COMPUTER_BY_ID, CheckInIndexStore.LICENSE,
                CheckInIndexStore.UNREAD)) {
            for (String name : table) {
                assertThat(placed.add(name)).as("%s placed once", name).isTrue();
            }
        }
        for (Class<?> port : List.of(LicensingWrites.class, UpdateRecordWrites.class, EnrollmentWrites.class,
                AccountWrites.class, ReleaseWrites.class, StatsWrites.class)) {
            for (Method method : port.getDeclaredMethods()) {
                if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
                    assertThat(placed).as("%s.%s: what it means for the check-in index", port.getSimpleName(),
                            method.getName()).contains(method.getName());
                }
            }
        }
    }

    @Test
    void a_committed_unit_that_changed_a_computer_drops_the_entry_of_its_holder() {
        CheckInIndexStore<StoreDoingNothing> store = new CheckInIndexStore<>(new StoreDoingNothing(), index);
        Computer computer = licensedComputer(7, "client-a");
        fill("client-a", computer);

        store.write(writes -> writes.advanceSequence("client-a", 40));
        assertThat(index.known("client-a")).as("a sequence written only raises it").get()
                .extracting(CheckInIndex.Known::highestSequence).isEqualTo(40L);
        store.write(writes -> {
            writes.touchContact(7, Instant.EPOCH);
            return null;
        });
        assertThat(index.known("client-a")).as("a last contact is not read by the decision").isPresent();
        store.writeReleases(writes -> {
            writes.assignGroup(7, "ring-1");
            return null;
        });

        assertThat(index.known("client-a")).isEmpty();
    }

    @Test
    void a_unit_that_threw_or_never_started_is_told_and_one_whose_outcome_is_unknown_turns_the_index_off() {
        fill("client-a", licensedComputer(7, "client-a"));
        CheckInIndexStore<StoreDoingNothing> store = new CheckInIndexStore<>(new StoreDoingNothing(), index);
        assertThatThrownBy(() -> store.write(writes -> {
            writes.setClientRevocation("client-a", "stolen");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(index.serving()).isTrue();
        assertThat(index.known("client-a")).as("told anyway: forgetting is always safe").isEmpty();

        CheckInIndexStore<StoreDoingNothing> full = new CheckInIndexStore<>(refusing(
                new StoreBusyException("the store has 1 writes queued; retry later")), index);
        assertThatThrownBy(() -> full.write(writes -> null)).isInstanceOf(StoreBusyException.class);
        assertThat(index.serving()).as("refused before it ran: it never will").isTrue();

        CheckInIndexStore<StoreDoingNothing> late = new CheckInIndexStore<>(refusing(
                new StoreUnavailableException("the store did not complete a write within 10 s; it may still complete")),
                index);
        assertThatThrownBy(() -> late.write(writes -> null)).isInstanceOf(StoreUnavailableException.class);
        assertThat(index.serving()).as("it may still commit, after any notice").isFalse();
        assertThat(index.startFill("client-b")).isNull();
    }

    private void fill(String clientId, Computer computer) {
        CheckInIndex.Fill fill = index.startFill(clientId);
        index.complete(fill, computer, List.of(), 10, Optional::empty);
        index.abandon(fill);
        assertThat(index.known(clientId)).isPresent();
    }

    static Computer licensedComputer(long id, String clientId) {
        Computer first = Computer.firstContact(ComputerIdentity.computer("PC-" + id, "CORP"),
                new ClientContact(clientId, "Linux", Version.NONE, Version.NONE, 14_400), Instant.EPOCH);
        return first.withId(id).licensed("SEATS-1", Instant.EPOCH);
    }

    /** A store that refuses every write with {@code failure} before running it. */
    private static StoreDoingNothing refusing(RuntimeException failure) {
        return new StoreDoingNothing() {
            @Override
            public <T> T write(Function<LicensingWrites, T> unit) {
                throw failure;
            }
        };
    }
}
