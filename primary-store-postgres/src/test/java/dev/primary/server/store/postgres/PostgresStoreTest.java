package dev.primary.server.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.primary.server.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL store adds to the contract: durable commits whatever the server's default, reads on snapshots
 * of their own, and no secrets shown.
 */
class PostgresStoreTest {

    @Test
    void every_connection_commits_synchronously_even_where_the_server_default_is_off() {
        try (PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase())) {
            assertThat(EmbeddedPostgresServer.serverDefault("synchronous_commit")).as("the embedded server's default")
                    .isEqualTo("off");

            assertThat(store.sessionSetting("synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void a_session_left_idle_inside_a_unit_by_a_vanished_server_is_ended_by_the_database_after_15_seconds() {
        try (PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase())) {
            assertThat(EmbeddedPostgresServer.serverDefault("idle_in_transaction_session_timeout")).isEqualTo("0");

            assertThat(store.sessionSetting("idle_in_transaction_session_timeout")).isEqualTo("15s");
        }
    }

    @Test
    void reads_begin_as_one_read_only_snapshot_and_the_writers_connections_stay_read_committed() {
        try (PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase())) {
            assertThat(store.readSetting("transaction_isolation")).isEqualTo("repeatable read");
            assertThat(store.readSetting("transaction_read_only")).isEqualTo("on");
            assertThat(store.readSetting("idle_in_transaction_session_timeout")).isEqualTo("15s");

            assertThat(store.sessionSetting("transaction_isolation")).isEqualTo("read committed");
            assertThat(store.sessionSetting("transaction_read_only")).isEqualTo("off");
        }
    }

    @Test
    void both_pools_are_tracked_under_their_names_once() {
        try (PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase())) {
            Map<String, PoolStats> pools = new ConcurrentHashMap<>();
            MetricsTrackerFactory tracking = (name, stats) -> {
                pools.put(name, stats);
                return new IMetricsTracker() {};
            };

            store.trackPools(tracking);

            assertThat(pools).containsOnlyKeys("primary-store-reads", "primary-store");
            assertThat(pools.get("primary-store-reads").getMaxConnections()).isEqualTo(10);
            assertThat(pools.get("primary-store").getMaxConnections()).isEqualTo(PostgresStore.WRITE_POOL_SIZE);
            assertThatThrownBy(() -> store.trackPools(tracking)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void opening_a_database_twice_migrates_it_once_and_keeps_its_data() {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        try (PostgresStore first = PostgresStore.open(database)) {
            first.write(writes -> writes.licenses());
        }

        try (PostgresStore again = PostgresStore.open(database)) {
            int licenses = again.read(reads -> reads.licenses().size());
            assertThat(licenses).isZero();
            assertThat(again.description()).startsWith("postgresql://");
        }
    }

    @Test
    void the_settings_never_show_the_password() {
        PostgresSettings settings = new PostgresSettings("jdbc:postgresql://db.example:5432/primary?password=in-url",
                "primary", "s3cret-pw", 4, Duration.ofSeconds(5));

        assertThat(settings.toString()).doesNotContain("s3cret-pw").doesNotContain("in-url").contains("password=(set)");
        assertThat(settings.description()).isEqualTo("postgresql://db.example:5432/primary");
    }

    @Test
    void a_database_that_cannot_be_reached_fails_the_start_with_its_address_and_without_the_password() {
        PostgresSettings unreachable = new PostgresSettings("jdbc:postgresql://127.0.0.1:1/primary?connectTimeout=2",
                "primary", "s3cret-pw", 1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> PostgresStore.open(unreachable))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("postgresql://127.0.0.1:1/primary")
                .message().doesNotContain("s3cret-pw");
    }

    @Test
    void settings_that_break_a_rule_say_which() {
        assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://db/primary", "u", ""))
                .hasMessageContaining("must start with jdbc:postgresql:");
        assertThatThrownBy(() -> new PostgresSettings("jdbc:postgresql://db/primary", "u", "", 0, Duration.ofSeconds(1)))
                .hasMessage("the store's pool size cannot be less than 1, got 0");
    }
}
