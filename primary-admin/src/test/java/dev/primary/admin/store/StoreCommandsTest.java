package dev.primary.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.admin.PrimaryAdminMain;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.store.postgres.PostgresPackageBlobs;
import dev.primary.server.store.sqlite.SqliteStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code primary-admin store migrate / verify / backup} on real stores: an SQLite store file written by the store
 * itself (its migrations, its triggers) with rows in every table, and a real PostgreSQL (embedded) as the target.
 * The site end to end, with a server and a client across the move, is MoveStoreIT in primary-it.
 */
class StoreCommandsTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @TempDir
    Path work;

    private Path dataDirectory;
    private Path passwordFile;
    private String url;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void site() throws Exception {
        dataDirectory = Files.createDirectories(work.resolve("data"));
        SqliteStore.open(dataDirectory.resolve("primary.db")).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("primary.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO licenses VALUES ('SER-1', 'Café Ünïcode', 5, 2, 1000, NULL, '[\"rec\"]',"
                    + " 'sig', '{}', 'REG-1', 1001, 1002, '{\"unlock\":1}')");
            statement.executeUpdate("INSERT INTO clients VALUES ('key-a', 'pub-a', 41, 900, '')");
            statement.executeUpdate("INSERT INTO clients VALUES ('key-b', 'pub-b', 7, 901, 'lost laptop')");
            statement.executeUpdate("INSERT INTO computers (id, holder_key, name_key, computer_name, domain, user_name,"
                    + " client_id, os, client_version, recorder_version, client_state, state, state_reason, state_since,"
                    + " license_serial, lease_id, lease_issued_at, lease_expires_at, verify_interval, first_seen,"
                    + " last_contact, group_name) VALUES (3, 'corp\\pc-a', 'pc-a', 'PC-A', 'CORP', '', 'key-a', 'linux',"
                    + " '0.1.0', '1.2.3', 'licensed', 0, 'licensed', 1100, 'SER-1', 'lease-1', 1100, 999999, 14400000,"
                    + " 1050, 1200, 'canary')");
            statement.executeUpdate("INSERT INTO computers (id, holder_key, name_key, computer_name, domain, user_name,"
                    + " client_id, os, recorder_version, client_state, state, state_reason, state_since, waiting_since,"
                    + " verify_interval) VALUES (9, 'corp\\pc-w', 'pc-w', 'PC-W', 'CORP', '', 'key-b', 'linux', '0.0.0',"
                    + " 'waiting', 2, 'no seat', 1300, 1300, 60000)");
            statement.executeUpdate("INSERT INTO computers (id, holder_key, name_key, computer_name, domain, user_name,"
                    + " os, recorder_version, client_state, state, state_reason, state_since, license_serial,"
                    + " verify_interval) VALUES (12, 'corp\\pc-r', 'pc-r', 'PC-R', 'CORP', '', '', '0.0.0', 'reserved',"
                    + " 3, 'new hire', 1400, 'SER-1', 60000)");
            for (int i = 1; i <= 700; i++) {
                statement.executeUpdate("INSERT INTO audit (at, actor, action, subject, detail) VALUES (" + (2000 + i)
                        + ", 'admin', 'seat.granted', 'PC-" + i + "', 'detail " + i + "')");
            }
            statement.executeUpdate("INSERT INTO releases VALUES ('recorder', '1.2.3', 'abc', 1500, '{\"m\":1}')");
            statement.executeUpdate("INSERT INTO contents VALUES (4, 'def', 1600, '{\"c\":4}')");
            statement.executeUpdate("INSERT INTO rollouts (id, product, version, group_name, percent, failure_threshold,"
                    + " state, reason, created_at, changed_at) VALUES (2, 'recorder', '1.2.3', 'canary', 50, 10,"
                    + " 'running', '', 1700, 1700)");
            statement.executeUpdate("INSERT INTO computer_updates VALUES (3, 'recorder', 2, '1.2.3', 'installed', '', 1800)");
            statement.executeUpdate("INSERT INTO enrollment_tokens VALUES ('tok-1', 'hash', 'lab', 'canary', 10, 2, 1900,"
                    + " 'admin', NULL, NULL)");
            statement.executeUpdate("INSERT INTO accounts VALUES ('ada', 'administrator', '$argon2id$v=19$m=19456,t=2,p=1"
                    + "$c2FsdA$aGFzaA', 2100, 'host-admin', NULL)");
            statement.executeUpdate("INSERT INTO accounts VALUES ('vic', 'viewer', 'hash-v', 2110, 'ada', 2120)");
            statement.executeUpdate("INSERT INTO account_tokens VALUES ('abcdefgh', 'ada', 'sha-hex', 'nightly', 2200,"
                    + " 'host-admin', 9000, NULL)");
        }
        url = freshDatabase();
        passwordFile = Files.writeString(work.resolve("store-password"), "secret-in-a-file\n");
    }

    @Test
    void migrate_moves_every_row_verifies_it_and_prints_the_settings_that_start_the_server_on_it() throws Exception {
        Run run = admin("store", "migrate", "--to", url, "--user", "primary_site", "--password-file",
                passwordFile.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("verified every row").contains("computers").contains("3 rows")
                .contains("audit").contains("700 rows")
                .contains("store=postgresql", "store-url=" + url, "store-user=primary_site",
                        "store-password-file=" + passwordFile.toAbsolutePath())
                .doesNotContain("secret-in-a-file");
        try (Connection target = target(); Statement statement = target.createStatement()) {
            assertThat(single(statement, "SELECT customer FROM licenses")).isEqualTo("Café Ünïcode");
            assertThat(single(statement, "SELECT state FROM computers WHERE id = 9")).isEqualTo("2");
            assertThat(single(statement, "SELECT lease_expires_at FROM computers WHERE id = 3")).isEqualTo("999999");
            assertThat(single(statement, "SELECT role FROM accounts WHERE name = 'ada'")).isEqualTo("administrator");
            assertThat(single(statement, "SELECT disabled_at FROM accounts WHERE name = 'vic'")).isEqualTo("2120");
            assertThat(single(statement, "SELECT expires_at FROM account_tokens WHERE id = 'abcdefgh'")).isEqualTo("9000");
            // The ids the database generates continue after the copied ones.
            statement.executeUpdate("INSERT INTO audit (at, actor, action, subject, detail) VALUES (1, 'a', 'b', 'c', 'd')");
            assertThat(single(statement, "SELECT max(id) FROM audit")).isEqualTo("701");
        }
        assertThat(admin("store", "verify", "--to", url, "--user", "primary_site", "--password-file",
                passwordFile.toString()).exitCode).as("one audit row more than the source").isEqualTo(7);
    }

    @Test
    void verify_names_the_row_a_tampered_target_changed() throws Exception {
        assertThat(migrate().exitCode).isZero();
        try (Connection target = target(); Statement statement = target.createStatement()) {
            statement.executeUpdate("UPDATE computers SET state = 0 WHERE id = 9");
        }

        Run run = admin("store", "verify", "--to", url, "--user", "primary_site", "--password-file",
                passwordFile.toString());

        assertThat(run.exitCode).isEqualTo(7);
        assertThat(run.err.strip()).isEqualTo(
                "primary-admin: verification failed: table computers: row id=9 differs in column state");
    }

    @Test
    void an_untouched_target_verifies() {
        assertThat(migrate().exitCode).isZero();

        Run run = admin("store", "verify", "--to", url, "--user", "primary_site", "--password-file",
                passwordFile.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("hold the same rows").contains("enrollment_tokens").contains("accounts")
                .contains("account_tokens");
    }

    @Test
    void migrate_refuses_a_target_that_holds_rows_and_changes_nothing() throws Exception {
        assertThat(migrate().exitCode).isZero();

        Run again = migrate();

        assertThat(again.exitCode).isEqualTo(5);
        assertThat(again.err).startsWith("primary-admin: the target is not empty (licenses: 1, clients: 2, computers: 3");
        try (Connection target = target(); Statement statement = target.createStatement()) {
            assertThat(single(statement, "SELECT count(*) FROM audit")).isEqualTo("700");
        }
    }

    @Test
    void migrate_refuses_while_a_server_holds_the_store() {
        try (SqliteStore running = SqliteStore.open(dataDirectory.resolve("primary.db"))) {
            Run run = migrate();

            assertThat(run.exitCode).isEqualTo(4);
            assertThat(run.err).startsWith("primary-admin: the source store is in use: the database ")
                    .contains("is already in use by another store in this process");
        }
    }

    @Test
    void migrate_says_when_the_target_cannot_be_reached() {
        Run run = admin("store", "migrate", "--to", "jdbc:postgresql://127.0.0.1:1/primary", "--user", "primary_site",
                "--password-file", passwordFile.toString());

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err).startsWith("primary-admin: cannot reach postgresql://127.0.0.1:1/primary as user primary_site:")
                .doesNotContain("secret-in-a-file");
    }

    @Test
    void migrate_refuses_a_source_with_a_table_this_version_does_not_know_rather_than_leave_it_behind()
            throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("primary.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE seat_transfers (id INTEGER PRIMARY KEY, detail TEXT)");
        }

        Run run = migrate();

        assertThat(run.exitCode).isEqualTo(6);
        assertThat(run.err).startsWith("primary-admin: schema mismatch: the source has a table 'seat_transfers' that"
                + " this version does not know");
    }

    @Test
    void a_backup_of_a_postgresql_store_restores_into_an_empty_database_with_every_row() throws Exception {
        assertThat(migrate().exitCode).isZero();
        Files.createDirectories(dataDirectory.resolve("keys"));
        Files.writeString(dataDirectory.resolve("installation-id"), "inst-1\n");
        Files.writeString(dataDirectory.resolve("keys").resolve("server-signing.key"), "private\n");
        Path backup = work.resolve("backup");

        Run backedUp = admin("store", "backup", backup.toString(), "--from-url", url, "--user", "primary_site",
                "--password-file", passwordFile.toString());

        assertThat(backedUp.exitCode).as(backedUp.err).isZero();
        assertThat(backup.resolve("installation-id")).hasContent("inst-1");
        assertThat(backup.resolve("keys").resolve("server-signing.key")).hasContent("private");
        String restored = freshDatabase();
        Run restore = admin("store", "migrate", "--from", backup.resolve("primary.db").toString(), "--to", restored,
                "--user", "primary_site", "--password-file", passwordFile.toString());
        assertThat(restore.exitCode).as(restore.err).isZero();
        url = restored;
        assertThat(admin("store", "verify", "--to", restored, "--user", "primary_site", "--password-file",
                passwordFile.toString()).exitCode).as("the restored database holds the original SQLite rows").isZero();
    }

    @Test
    void a_backup_of_a_postgresql_store_holds_the_packages_kept_in_the_database_not_on_this_host() throws Exception {
        assertThat(migrate().exitCode).isZero();
        byte[] bytes = "a release package that only the database holds".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path upload = Files.write(work.resolve("upload"), bytes);
        PostgresPackageBlobs blobs = PostgresPackageBlobs.over(() -> {
            try {
                Connection connection = DriverManager.getConnection(url, "primary_site", "secret-in-a-file");
                connection.setAutoCommit(false);
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (FileChannel channel = FileChannel.open(upload)) {
            blobs.save(sha256, bytes.length, channel, Instant.EPOCH);
        }
        Path backup = work.resolve("backup");

        Run backedUp = admin("store", "backup", backup.toString(), "--from-url", url, "--user", "primary_site",
                "--password-file", passwordFile.toString());

        assertThat(backedUp.exitCode).as(backedUp.err).isZero();
        assertThat(backedUp.out).contains("1 package(s) copied from the database into packages/");
        try (var stored = FilePackageStore.open(backup.resolve("packages")).open(sha256).orElseThrow();
                var in = Channels.newInputStream(stored.channel())) {
            assertThat(in.readAllBytes()).as("the package's bytes, whole").isEqualTo(bytes);
        }
    }

    @Test
    void an_online_backup_of_the_sqlite_store_is_taken_while_a_server_holds_it() throws Exception {
        Path backup = work.resolve("backup");
        try (SqliteStore running = SqliteStore.open(dataDirectory.resolve("primary.db"))) {
            Run run = admin("store", "backup", backup.toString());

            assertThat(run.exitCode).as(run.err).isZero();
            assertThat(run.out).contains("700 rows");
        }
        assertThat(admin("store", "migrate", "--from", backup.resolve("primary.db").toString(), "--to", url,
                "--user", "primary_site", "--password-file", passwordFile.toString()).exitCode).isZero();
        assertThat(admin("store", "verify", "--to", url, "--user", "primary_site", "--password-file",
                passwordFile.toString()).exitCode).as("the backup holds the store's rows").isZero();
    }

    @Test
    void each_store_command_explains_itself_and_its_exit_codes_without_a_store() {
        Run group = admin("store", "--help");
        Run migrate = admin("store", "migrate", "--help");
        Run backup = admin("store", "backup", "--help");

        assertThat(group.exitCode).isZero();
        assertThat(group.out).contains("migrate", "verify", "backup", "4  the source store is in use",
                "7  verification failed");
        assertThat(migrate.exitCode).isZero();
        assertThat(migrate.out).contains("--to=JDBC-URL", "--user=USER", "--password-file=FILE", "PRIMARY_STORE_PASSWORD",
                "with the server stopped", "one transaction");
        assertThat(backup.exitCode).isZero();
        assertThat(backup.out).contains("VACUUM INTO", "REPEATABLE READ", "--from-url=JDBC-URL");
    }

    @Test
    void migrate_without_a_user_is_a_usage_error() {
        Run run = admin("store", "migrate", "--to", url);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("primary-admin: --user is required with a PostgreSQL store");
    }

    private Run migrate() {
        return admin("store", "migrate", "--to", url, "--user", "primary_site", "--password-file",
                passwordFile.toString());
    }

    private Run admin(String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PrimaryAdminMain.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {}

    private Connection target() throws SQLException {
        return DriverManager.getConnection(url, "primary_site", "secret-in-a-file");
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    /** A new database owned by a user with a password, as an operator would prepare it. */
    private static String freshDatabase() throws SQLException {
        String name = "site_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'primary_site') THEN"
                    + " CREATE USER primary_site PASSWORD 'secret-in-a-file'; END IF; END $$");
            statement.execute("CREATE DATABASE " + name + " OWNER primary_site");
        }
        return postgres.getJdbcUrl("primary_site", name).replaceAll("[?&]user=[^&]*", "");
    }
}
