package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.server.licensing.HolderCounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The License Summary's holders on SQLite ({@link SqliteDialect#HOLDER_COUNTS}): a licensed computer is active only
 * with a lease valid now; one without a lease, or whose lease expired (at or before now), is not.
 */
class HolderCountsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final int LICENSED = 0;
    private static final int WAITING = 2;
    private static final int RESERVED = 3;

    @TempDir
    Path directory;

    @Test
    void active_counts_the_licensed_with_a_lease_valid_now_less_the_missing_and_the_expired() throws Exception {
        Path database = directory.resolve("primary.db");
        SqliteStore.open(database).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO computers (id, holder_key,"
                        + " name_key, computer_name, domain, user_name, client_id, os, client_version, recorder_version,"
                        + " client_state, state, state_reason, state_since, license_serial, waiting_since,"
                        + " verify_interval, first_seen, last_contact, lease_expires_at)"
                        + " VALUES (?, ?, ?, ?, 'CORP', '', ?, 'os', '1.0.1', '1.0.1', '', ?, '', 0, NULL, ?, 14400,"
                        + " 0, 0, ?)")) {
            int id = 0;
            id = add(insert, id, LICENSED, NOW.plus(Duration.ofDays(3)).toEpochMilli());
            id = add(insert, id, LICENSED, NOW.plus(Duration.ofMillis(1)).toEpochMilli());
            id = add(insert, id, LICENSED, null);
            id = add(insert, id, LICENSED, NOW.toEpochMilli());
            id = add(insert, id, LICENSED, NOW.minus(Duration.ofDays(1)).toEpochMilli());
            id = add(insert, id, RESERVED, null);
            id = add(insert, id, WAITING, null);
            add(insert, id, WAITING, null);
        }

        try (SqliteStore store = SqliteStore.open(database)) {
            HolderCounts counts = store.read(reads -> reads.holderCounts(NOW));

            assertThat(counts.active()).as("the two leases that end after now").isEqualTo(2);
            assertThat(counts.reserved()).isEqualTo(1);
            assertThat(counts.waiting()).isEqualTo(2);
        }
    }

    private static int add(PreparedStatement insert, int id, int state, Long leaseExpiresAt) throws Exception {
        int next = id + 1;
        insert.setInt(1, next);
        insert.setString(2, "corp\\pc-" + next);
        insert.setString(3, "pc-" + next);
        insert.setString(4, "PC-" + next);
        insert.setString(5, "client-" + next);
        insert.setInt(6, state);
        if (state == WAITING) {
            insert.setInt(7, next);
        } else {
            insert.setNull(7, java.sql.Types.INTEGER);
        }
        if (leaseExpiresAt == null) {
            insert.setNull(8, java.sql.Types.INTEGER);
        } else {
            insert.setLong(8, leaseExpiresAt);
        }
        insert.executeUpdate();
        return next;
    }
}
