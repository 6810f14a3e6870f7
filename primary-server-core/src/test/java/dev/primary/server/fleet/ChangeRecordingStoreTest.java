package dev.primary.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.server.account.AccountWrites;
import dev.primary.server.computer.UpdateRecordWrites;
import dev.primary.server.enrollment.EnrollmentWrites;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.store.StoreDoingNothing;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeRecordingStoreTest {
    private final List<CommittedChanges> committed = new ArrayList<>();
    private final ChangeRecordingStore<StoreDoingNothing> store = new ChangeRecordingStore<>(new StoreDoingNothing(),
            committed::add);

    @Test
    void every_write_method_of_the_store_ports_is_placed_in_one_table() {
        Set<String> placed = new HashSet<>();
        for (Set<String> table : List.of(ChangeRecordingStore.COMPUTER_BY_ID, ChangeRecordingStore.COMPUTER_ROW,
                ChangeRecordingStore.LICENSE_COUNTS, ChangeRecordingStore.REMOVAL, ChangeRecordingStore.UNWATCHED)) {
            for (String name : table) {
                assertThat(placed.add(name)).as("%s placed once", name).isTrue();
            }
        }
        for (Class<?> port : List.of(LicensingWrites.class, UpdateRecordWrites.class, EnrollmentWrites.class,
                AccountWrites.class, ReleaseWrites.class)) {
            for (Method method : port.getDeclaredMethods()) {
                if (!method.isDefault() && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    assertThat(placed).as("%s.%s: what it means for a watcher", port.getSimpleName(), method.getName())
                            .contains(method.getName());
                }
            }
        }
    }

    @Test
    void a_committed_unit_tells_the_computers_it_touched_once_it_has_committed() {
        store.write(writes -> {
            writes.touchContact(5, Instant.EPOCH);
            writes.changeSeatsUsed("S-1", 1);
            return null;
        });
        store.writeReleases(writes -> {
            writes.assignGroup(6, "ring-1");
            return null;
        });

        assertThat(committed).containsExactly(new CommittedChanges(Map.of(5L, ""), true, false),
                new CommittedChanges(Map.of(6L, ""), false, false));
    }

    @Test
    void a_unit_that_throws_tells_nothing_and_one_that_changes_nothing_watched_tells_nothing() {
        assertThatThrownBy(() -> store.write(writes -> {
            writes.touchContact(5, Instant.EPOCH);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        store.write(writes -> writes.advanceSequence("client", 3));

        assertThat(committed).isEmpty();
    }

    @Test
    void a_removed_computer_asks_for_a_resync() {
        store.write(writes -> {
            writes.deleteComputer(5);
            return null;
        });

        assertThat(committed).containsExactly(new CommittedChanges(Map.of(), true, true));
    }
}
