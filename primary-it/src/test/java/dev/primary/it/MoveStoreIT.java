package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.StateDocument;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site moves from SQLite to PostgreSQL, and is backed up and restored on either store, and its clients do not
 * notice: a client licensed before keeps its lease, and its next check-in, against the server on the moved or
 * restored store, succeeds. Real server and client processes, a real PostgreSQL (embedded), {@code primary-admin store}
 * run as the operator runs it.
 */
class MoveStoreIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void a_site_moved_from_sqlite_to_postgresql_keeps_every_row_and_its_clients_keep_verifying() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        String releaseKey = releases.publicKey().toString();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ServerProcess sqlite = new ServerProcess(work.resolve("server"), vendor, "--release-key", releaseKey)
                        .start()) {
            String url = database(postgres, "primary_fleet");
            Path passwordFile = Files.writeString(work.resolve("store-password"), "kept-in-a-file\n");
            sqlite.license(vendor, "MOVE-1", 3);
            try (ClientProcess licensed = ClientProcess.deploy(sqlite, work, "PC-A").start("300ms", "1s");
                    ClientProcess second = ClientProcess.deploy(sqlite, work, "PC-B").start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(sqlite.summary().active()).isEqualTo(2));
                sqlite.adminSucceeds("reserve", "PC-VIP", "--reason", "new hire");
                try (ClientProcess waiting = ClientProcess.deploy(sqlite, work, "PC-W").start("300ms", "4h")) {
                    Eventually.within(PATIENCE, () -> assertThat(waiting.state().state()).isEqualTo("waiting"));
                }
                second.stop();
                sqlite.adminSucceeds("release", "CORP\\PC-B", "--reason", "decommissioned");
                Path pkg = releases.goodRecorderPackage("1.1.7");
                sqlite.adminSucceeds("release", "add", releases.sign(pkg, "1.1.7").toString(), "--package", pkg.toString());
                sqlite.adminSucceeds("rollout", "start", "--product", "recorder", "--version", "1.1.7", "--group", "pilot",
                        "--percent", "50");
                sqlite.enrollmentToken();
                LicenseSummary before = sqlite.summary();
                Map<String, ComputerState> statesBefore = states(sqlite);
                assertThat(statesBefore).containsEntry("PC-VIP", ComputerState.RESERVED)
                        .containsEntry("PC-B", ComputerState.RELEASED).containsEntry("PC-A", ComputerState.LICENSED)
                        .containsKey("PC-W");

                CommandResult inUse = migrate(sqlite, url, passwordFile);
                assertThat(inUse.exitCode()).as(inUse.toString()).isEqualTo(4);
                assertThat(inUse.stderr()).contains("the source store is in use").contains("stop the other Primary Server");

                sqlite.stop();
                CommandResult moved = migrate(sqlite, url, passwordFile);
                assertThat(moved.exitCode()).as(moved.toString()).isZero();
                assertThat(moved.stdout()).contains("verified every row", "store=postgresql", "store-url=" + url,
                        "store-user=primary_server", "store-password-file=" + passwordFile.toAbsolutePath())
                        .doesNotContain("kept-in-a-file");
                CommandResult verified = sqlite.adminByRealProcess("store", "verify", "--to", url, "--user",
                        "primary_server", "--password-file", passwordFile.toString());
                assertThat(verified.exitCode()).as(verified.toString()).isZero();
                assertThat(verified.stdout()).contains("hold the same rows", "rollouts", "releases", "audit");
                assertThat(verified.stderr()).as("the real command prints nothing but its result").isEmpty();

                String tampered = tamperedVerification(sqlite, url, passwordFile);
                assertThat(tampered).isEqualTo("primary-admin: verification failed: table computers: row id="
                        + "%s differs in column state_reason", idOf(url, "PC-W"));

                Instant moveDone = Instant.now();
                try (ServerProcess onPostgres = sqlite.successor(sqlite.dataDirectory(), vendor, "--release-key",
                        releaseKey, "--store", "postgresql", "--store-url", url, "--store-user", "primary_server",
                        "--store-password-file", passwordFile.toString()).start()) {
                    assertThat(onPostgres.adminSucceeds("server")).contains("postgresql://");
                    awaitCheckInAfter(licensed, moveDone);
                    assertThat(onPostgres.computer("PC-A").state()).isEqualTo(ComputerState.LICENSED);
                    assertThat(onPostgres.computer("PC-A").lastContact()).isAfter(moveDone);
                    assertThat(states(onPostgres)).isEqualTo(statesBefore);
                    assertThat(onPostgres.adminSucceeds("rollout", "list")).contains("V 1.1 (0007)").contains("pilot");
                    assertThat(onPostgres.adminSucceeds("audit")).contains("seat.released");
                    assertThat(onPostgres.adminSucceeds("enrollment", "list")).contains("tests");
                    LicenseSummary after = onPostgres.summary();
                    assertThat(after.used()).isEqualTo(before.used());
                    assertThat(after.waiting()).isEqualTo(before.waiting());
                    assertThat(after.reserved()).isEqualTo(before.reserved());
                }
            }

        }
    }

    @Test
    void an_sqlite_site_backed_up_while_it_runs_and_restored_into_an_empty_server_keeps_its_clients() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        Path backup = work.resolve("backup");
        try (ServerProcess original = new ServerProcess(work.resolve("server"), vendor).start()) {
            original.license(vendor, "BACK-1", 2);
            try (ClientProcess licensed = ClientProcess.deploy(original, work, "PC-A").start("300ms", "1s")) {
                Eventually.within(PATIENCE, () -> assertThat(licensed.state().state()).isEqualTo("licensed"));

                CommandResult backedUp = original.admin("store", "backup", backup.toString());
                assertThat(backedUp.exitCode()).as(backedUp.toString()).isZero();
                awaitCheckInAfter(licensed, Instant.now());
                original.stop();

                Instant restored = Instant.now();
                try (ServerProcess fromBackup = original.successor(backup, vendor).start()) {
                    awaitCheckInAfter(licensed, restored);
                    assertThat(fromBackup.computer("PC-A").state()).isEqualTo(ComputerState.LICENSED);
                    assertThat(fromBackup.computer("PC-A").lastContact()).isAfter(restored);
                    assertThat(fromBackup.summary().used()).isEqualTo(1);
                    assertThat(fromBackup.adminSucceeds("audit")).contains("seat.granted");
                }
            }
        }
    }

    @Test
    void a_postgresql_site_backed_up_while_it_runs_and_restored_into_an_empty_database_keeps_its_clients()
            throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        Path backup = work.resolve("backup");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = database(postgres, "primary_fleet");
            String emptyUrl = database(postgres, "primary_restored");
            Path passwordFile = Files.writeString(work.resolve("store-password"), "kept-in-a-file\n");
            try (ServerProcess original = new ServerProcess(work.resolve("server"), vendor, storeArguments(url,
                    passwordFile)).start()) {
                original.license(vendor, "BACK-2", 2);
                try (ClientProcess licensed = ClientProcess.deploy(original, work, "PC-A").start("300ms", "1s")) {
                    Eventually.within(PATIENCE, () -> assertThat(licensed.state().state()).isEqualTo("licensed"));

                    CommandResult backedUp = original.admin("store", "backup", backup.toString(), "--from-url", url,
                            "--user", "primary_server", "--password-file", passwordFile.toString());
                    assertThat(backedUp.exitCode()).as(backedUp.toString()).isZero();
                    original.stop();

                    CommandResult restore = original.admin("store", "migrate", "--from",
                            backup.resolve("primary.db").toString(), "--to", emptyUrl, "--user", "primary_server",
                            "--password-file", passwordFile.toString());
                    assertThat(restore.exitCode()).as(restore.toString()).isZero();
                    Instant restored = Instant.now();
                    try (ServerProcess fromBackup = original.successor(backup, vendor, storeArguments(emptyUrl,
                            passwordFile)).start()) {
                        awaitCheckInAfter(licensed, restored);
                        assertThat(fromBackup.computer("PC-A").state()).isEqualTo(ComputerState.LICENSED);
                        assertThat(fromBackup.computer("PC-A").lastContact()).isAfter(restored);
                        assertThat(fromBackup.summary().used()).isEqualTo(1);
                    }
                }
            }
        }
    }

    /** Changes one column of one row in the target, runs store verify, puts the value back; answers its stderr. */
    private static String tamperedVerification(ServerProcess server, String url, Path passwordFile) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "primary_server", "kept-in-a-file");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE computers SET state_reason = state_reason || ' (changed)'"
                    + " WHERE computer_name = 'PC-W'");
            CommandResult verify = server.admin("store", "verify", "--to", url, "--user", "primary_server",
                    "--password-file", passwordFile.toString());
            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(7);
            statement.executeUpdate("UPDATE computers SET state_reason = left(state_reason, length(state_reason) - 10)"
                    + " WHERE computer_name = 'PC-W'");
            CommandResult again = server.admin("store", "verify", "--to", url, "--user", "primary_server",
                    "--password-file", passwordFile.toString());
            assertThat(again.exitCode()).as("the row put back: %s", again).isZero();
            return verify.stderr().strip();
        }
    }

    private static long idOf(String url, String computerName) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "primary_server", "kept-in-a-file");
                Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT id FROM computers WHERE computer_name = '"
                        + computerName + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, ComputerState> states(ServerProcess server) {
        return server.computers().stream().collect(Collectors.toMap(view -> view.computer().computerName(), ComputerView::state));
    }

    private static String[] storeArguments(String url, Path passwordFile) {
        return List.of("--store", "postgresql", "--store-url", url, "--store-user", "primary_server",
                "--store-password-file", passwordFile.toString()).toArray(String[]::new);
    }

    private static CommandResult migrate(ServerProcess server, String url, Path passwordFile) {
        return server.admin("store", "migrate", "--to", url, "--user", "primary_server", "--password-file",
                passwordFile.toString());
    }

    /** Waits for a successful check-in of {@code client} after {@code after}, licensed, with its lease in force. */
    private static void awaitCheckInAfter(ClientProcess client, Instant after) {
        Eventually.within(PATIENCE, () -> {
            StateDocument state = client.state();
            assertThat(state.lastSuccessfulContact()).isAfter(after);
            assertThat(state.state()).isEqualTo("licensed");
            assertThat(state.leaseExpiresAt()).isAfter(Instant.now());
            assertThat(state.recorderRunning()).isTrue();
        });
    }

    /** A database owned by a user with a password, as an operator prepares it; its JDBC URL without the user. */
    private static String database(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'primary_server') THEN"
                    + " CREATE USER primary_server PASSWORD 'kept-in-a-file'; END IF; END $$");
            statement.execute("CREATE DATABASE " + name + " OWNER primary_server");
        }
        return postgres.getJdbcUrl("primary_server", name).replaceAll("[?&]user=[^&]*", "");
    }
}
