package dev.primary.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Coalescing and resync of the feed, flushed by hand (no timer). */
class FleetChangeFeedTest {
    private final Map<Long, String> stored = new HashMap<>(Map.of(7L, "CORP\\PC7", 8L, "CORP\\PC8"));
    private final RecordingRelay relay = new RecordingRelay();
    private final FleetChangeFeed feed = FleetChangeFeed.manual(new FleetChangeFeed.Limits(Duration.ofSeconds(1), 3),
            this::namesOf, relay);
    private final List<FleetChange> told = new ArrayList<>();

    private Map<Long, String> namesOf(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (long id : ids) {
            if (stored.containsKey(id)) {
                names.put(id, stored.get(id));
            }
        }
        return names;
    }

    @Test
    void a_computer_changed_many_times_in_one_interval_is_told_once_then_the_license_counts_once() {
        feed.subscribe(told::add);
        for (int i = 0; i < 5; i++) {
            feed.committed(new CommittedChanges(Map.of(1L, "CORP\\PC1"), true, false));
        }
        feed.committed(new CommittedChanges(Map.of(2L, "CORP\\PC2"), false, false));

        feed.flush();

        assertThat(told).containsExactly(FleetChange.computer(1, "CORP\\PC1"), FleetChange.computer(2, "CORP\\PC2"),
                FleetChange.licenses());
        told.clear();
        feed.flush();
        assertThat(told).as("nothing pending, nothing told").isEmpty();
    }

    @Test
    void more_computers_in_one_interval_than_the_limit_are_one_resync() {
        feed.subscribe(told::add);
        for (long id = 1; id <= 4; id++) {
            feed.committed(new CommittedChanges(Map.of(id, "CORP\\PC" + id), true, false));
        }

        feed.flush();

        assertThat(told).containsExactly(FleetChange.resync());
    }

    @Test
    void as_many_computers_as_the_limit_are_still_told_one_by_one() {
        feed.subscribe(told::add);
        for (long id = 1; id <= 3; id++) {
            feed.committed(new CommittedChanges(Map.of(id, "CORP\\PC" + id), false, false));
        }

        feed.flush();

        assertThat(told).extracting(FleetChange::kind).containsOnly(FleetChange.Kind.COMPUTER).hasSize(3);
    }

    @Test
    void computers_known_by_id_only_are_named_from_the_store_and_a_removed_one_makes_a_resync() {
        feed.subscribe(told::add);
        feed.committed(new CommittedChanges(Map.of(7L, ""), false, false));
        feed.flush();
        assertThat(told).containsExactly(FleetChange.computer(7, "CORP\\PC7"));

        told.clear();
        feed.committed(new CommittedChanges(Map.of(99L, ""), false, false));
        feed.flush();
        assertThat(told).containsExactly(FleetChange.resync());
    }

    @Test
    void what_this_server_committed_is_relayed_and_what_others_relayed_is_told_but_not_relayed_back() {
        feed.subscribe(told::add);
        feed.committed(new CommittedChanges(Map.of(7L, "CORP\\PC7"), false, false));
        relay.listener.accept(new CommittedChanges(Map.of(8L, ""), true, false));

        feed.flush();

        assertThat(relay.sent).containsExactly(new CommittedChanges(Map.of(7L, "CORP\\PC7"), false, false));
        assertThat(told).containsExactly(FleetChange.computer(7, "CORP\\PC7"), FleetChange.computer(8, "CORP\\PC8"),
                FleetChange.licenses());
    }

    @Test
    void a_closed_subscription_hears_nothing_more_and_a_failing_listener_does_not_stop_the_others() {
        FleetChanges.Subscription first = feed.subscribe(told::add);
        feed.subscribe(change -> {
            throw new IllegalStateException("broken watcher");
        });
        List<FleetChange> other = new ArrayList<>();
        feed.subscribe(other::add);
        first.close();

        feed.committed(new CommittedChanges(Map.of(), false, true));
        feed.flush();

        assertThat(told).isEmpty();
        assertThat(other).containsExactly(FleetChange.resync());
    }

    /** A relay that keeps what it was asked to send and lets the test hand it what others sent. */
    private static final class RecordingRelay implements FleetRelay {
        final List<CommittedChanges> sent = new ArrayList<>();
        Consumer<CommittedChanges> listener;

        @Override
        public void send(CommittedChanges changes) {
            sent.add(changes);
        }

        @Override
        public void receive(Consumer<CommittedChanges> listener) {
            this.listener = listener;
        }

        @Override
        public void close() {}
    }
}
