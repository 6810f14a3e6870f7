package dev.primary.server.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two servers on one real PostgreSQL (two stores, each with its own pool) agreeing through it. */
class PostgresFleetTest {
    private static final Duration PERIOD = Duration.ofMinutes(10);
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void a_job_ticked_by_two_servers_runs_once_per_period() {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        try (PostgresStore nodeA = PostgresStore.open(database); PostgresStore nodeB = PostgresStore.open(database)) {
            int ranOnA = 0;
            int ranOnB = 0;
            for (int period = 0; period < 20; period++) {
                // Each server's own timer ticks once per period, B a third of a period after A, both drifting a little.
                Instant tickA = START.plus(PERIOD.multipliedBy(period)).plusSeconds(period % 3);
                Instant tickB = tickA.plus(PERIOD.dividedBy(3)).minusSeconds(period % 5);
                ranOnA += nodeA.fleet().takeTurn("reclaim", PERIOD, "a", tickA) ? 1 : 0;
                ranOnB += nodeB.fleet().takeTurn("reclaim", PERIOD, "b", tickB) ? 1 : 0;
            }

            assertThat(ranOnA + ranOnB).as("runs in 20 periods, 40 ticks").isEqualTo(20);
            assertThat(nodeB.fleet().runs("reclaim")).isEqualTo(20);
            assertThat(nodeA.fleet().takeTurn("expiry", PERIOD, "a", START)).as("another job has its own turn").isTrue();
        }
    }

    @Test
    void servers_asking_at_the_same_moment_get_one_turn_between_them() throws Exception {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        try (PostgresStore nodeA = PostgresStore.open(database); PostgresStore nodeB = PostgresStore.open(database)) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> turns = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    PostgresStore node = i % 2 == 0 ? nodeA : nodeB;
                    String name = "node-" + i;
                    Callable<Boolean> ask = () -> {
                        go.await();
                        return node.fleet().takeTurn("reclaim", PERIOD, name, START);
                    };
                    turns.add(threads.submit(ask));
                }
                go.countDown();
                int granted = 0;
                for (Future<Boolean> turn : turns) {
                    granted += turn.get() ? 1 : 0;
                }
                assertThat(granted).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void the_first_server_records_the_fleet_identity_and_later_ones_read_it() {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        FleetIdentityRow first = new FleetIdentityRow("id-1", "key-1", "pin-1", "secret-1");
        FleetIdentityRow other = new FleetIdentityRow("id-2", "key-2", "pin-2", "secret-2");
        try (PostgresStore nodeA = PostgresStore.open(database); PostgresStore nodeB = PostgresStore.open(database)) {
            assertThat(nodeA.fleet().recordOrRead(first, "a", START)).isEqualTo(first);
            assertThat(nodeB.fleet().recordOrRead(other, "b", START)).isEqualTo(first);
        }
    }
}
