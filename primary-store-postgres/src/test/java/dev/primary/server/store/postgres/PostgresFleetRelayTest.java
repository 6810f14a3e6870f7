package dev.primary.server.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.server.fleet.CommittedChanges;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two servers' relays on one real PostgreSQL: what one commits, the other hears; nobody hears itself. */
class PostgresFleetRelayTest {
    @Test
    void what_one_server_sends_the_other_hears_and_the_sender_does_not() throws Exception {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        try (PostgresStore nodeA = PostgresStore.open(database); PostgresStore nodeB = PostgresStore.open(database);
                PostgresFleetRelay relayA = nodeA.fleetRelay(); PostgresFleetRelay relayB = nodeB.fleetRelay()) {
            BlockingQueue<CommittedChanges> heardByA = new LinkedBlockingQueue<>();
            BlockingQueue<CommittedChanges> heardByB = new LinkedBlockingQueue<>();
            relayA.receive(heardByA::add);
            relayB.receive(heardByB::add);
            CommittedChanges changes = new CommittedChanges(Map.of(42L, "CORP\\PC42"), true, false);

            // B starts listening on its own thread: send until it hears (a notification before its LISTEN is lost)
            CommittedChanges heard = null;
            for (int attempt = 0; attempt < 100 && heard == null; attempt++) {
                relayA.send(changes);
                heard = heardByB.poll(200, TimeUnit.MILLISECONDS);
            }

            assertThat(heard).as("ids and flags only, never names").isEqualTo(
                    new CommittedChanges(Map.of(42L, ""), true, false));
            relayB.send(new CommittedChanges(Map.of(7L, "CORP\\PC7"), false, false));
            assertThat(heardByA.poll(20, TimeUnit.SECONDS)).isEqualTo(new CommittedChanges(Map.of(7L, ""), false, false));
            assertThat(heardByA).as("A does not hear its own sends").isEmpty();
        }
    }

    @Test
    void a_batch_too_large_for_one_notification_is_sent_as_a_resync() {
        Map<Long, String> many = new LinkedHashMap<>();
        for (long id = 1_000_000; many.size() < 2_000; id++) {
            many.put(id, "");
        }

        String payload = PostgresFleetRelay.encode("a", new CommittedChanges(many, false, false));

        assertThat(payload.length()).isLessThanOrEqualTo(PostgresFleetRelay.MAX_PAYLOAD);
        assertThat(PostgresFleetRelay.decode("b", payload)).isEqualTo(new CommittedChanges(Map.of(), true, true));
        assertThat(PostgresFleetRelay.decode("a", payload)).isEqualTo(CommittedChanges.NOTHING);
    }
}
