package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.identity.InstallationIncompleteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Real starts on the embedded store: what an existing installation refuses to start without, and the files it writes. */
class InstallationStartTest {
    private static final StartupOptions EMPTY_STORE = new StartupOptions(true, false, "ops");
    private static final StartupOptions NEW_TLS_KEY = new StartupOptions(false, true, "ops");

    @TempDir
    Path temp;

    private Path dataDirectory() {
        return temp.resolve("data");
    }

    private PrimaryServer start(StartupOptions options) {
        return PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory()), Clock.systemUTC(), options);
    }

    private void installAndStop() {
        start(StartupOptions.NONE).close();
    }

    @Test
    void a_missing_store_of_an_existing_installation_refuses_the_start_and_creates_nothing() throws IOException {
        installAndStop();
        Files.delete(dataDirectory().resolve("primary.db"));

        assertThatThrownBy(() -> start(StartupOptions.NONE))
                .isInstanceOf(ServerStartException.class)
                .hasCauseInstanceOf(InstallationIncompleteException.class)
                .hasMessageStartingWith(dataDirectory().resolve("primary.db") + " is missing, but this data directory "
                        + "holds an installation (installation-id, keys/server-signing.key")
                .hasMessageContaining("tell every client it is unknown")
                .hasMessageContaining("Restore primary.db from a backup")
                .hasMessageContaining("--initialize-empty-store");
        assertThat(dataDirectory().resolve("primary.db")).doesNotExist();
    }

    @Test
    void an_empty_store_file_counts_as_missing() throws IOException {
        installAndStop();
        Files.write(dataDirectory().resolve("primary.db"), new byte[0]);
        Files.deleteIfExists(dataDirectory().resolve("primary.db-wal"));

        assertThatThrownBy(() -> start(StartupOptions.NONE))
                .hasCauseInstanceOf(InstallationIncompleteException.class)
                .hasMessageStartingWith(dataDirectory().resolve("primary.db") + " is empty (0 bytes), but this data "
                        + "directory holds an installation");
        assertThat(Files.size(dataDirectory().resolve("primary.db"))).isZero();
    }

    @Test
    void a_store_file_that_is_not_a_primary_store_is_refused_even_with_the_flag_and_left_unchanged() throws Exception {
        installAndStop();
        Path store = dataDirectory().resolve("primary.db");
        Files.delete(store);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + store);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE inventory (item TEXT)");
        }
        byte[] before = Files.readAllBytes(store);

        for (StartupOptions options : List.of(StartupOptions.NONE, EMPTY_STORE)) {
            assertThatThrownBy(() -> start(options))
                    .hasCauseInstanceOf(InstallationIncompleteException.class)
                    .hasMessageStartingWith(store + " is not a Primary store");
        }
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void initialize_empty_store_starts_an_existing_installation_empty_on_purpose_and_audits_it() throws Exception {
        String serverId;
        try (PrimaryServer first = start(StartupOptions.NONE)) {
            serverId = first.serverId();
        }
        Files.delete(dataDirectory().resolve("primary.db"));

        try (PrimaryServer server = start(EMPTY_STORE)) {
            assertThat(server.serverId()).isEqualTo(serverId);
            assertThat(audit(server)).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("store.initialized-empty");
                assertThat(entry.actor()).isEqualTo("operator:ops");
                assertThat(entry.detail()).contains("--initialize-empty-store", serverId);
            });
        }
    }

    @Test
    void initialize_empty_store_is_refused_when_the_store_is_there() {
        installAndStop();

        assertThatThrownBy(() -> start(EMPTY_STORE))
                .hasCauseInstanceOf(InstallationIncompleteException.class)
                .hasMessageContaining("--initialize-empty-store was given, but")
                .hasMessageContaining("Start without the flag");
    }

    @Test
    void new_tls_key_replaces_a_lost_tls_key_and_audits_the_new_pin() throws Exception {
        TlsPin old;
        try (PrimaryServer first = start(StartupOptions.NONE)) {
            old = first.tlsPin();
        }
        Files.delete(dataDirectory().resolve("keys/tls.key"));
        assertThatThrownBy(() -> start(StartupOptions.NONE)).hasCauseInstanceOf(InstallationIncompleteException.class);

        try (PrimaryServer server = start(NEW_TLS_KEY)) {
            assertThat(server.tlsPin()).isNotEqualTo(old);
            assertThat(audit(server)).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("tls-key.replaced");
                assertThat(entry.actor()).isEqualTo("operator:ops");
                assertThat(entry.detail()).contains("keys/tls.key or keys/tls.crt was missing",
                        server.tlsPin().value());
            });
        }
    }

    @Test
    void a_first_start_in_an_empty_directory_creates_everything() throws IOException {
        Files.createDirectories(dataDirectory());

        try (PrimaryServer server = start(StartupOptions.NONE)) {
            assertThat(DataDirectory.prepare(dataDirectory()).installationTraces()).hasSize(6);
        }
    }

    @Test
    void every_file_written_is_owner_only_and_an_open_data_directory_is_warned_about_once() throws Exception {
        Files.createDirectories(dataDirectory());
        Files.setPosixFilePermissions(dataDirectory(), PosixFilePermissions.fromString("rwxr-xr-x"));
        ListAppender<ILoggingEvent> log = capture(DataDirectory.class);
        try {
            try (PrimaryServer server = start(StartupOptions.NONE)) {
                assertThat(audit(server)).isEmpty();
                assertEveryFileOwnerOnly(List.of("primary.db", "primary.db-wal", "primary.db-shm", "primary.db.lock",
                        "admin-token", "admin-endpoint", "installation-id", "keys/tls.crt", "keys/server-signing.pub",
                        "keys/tls-session-ticket-keys", "packages"));
            }
            assertEveryFileOwnerOnly(List.of("primary.db"));
        } finally {
            release(DataDirectory.class, log);
        }
        assertThat(log.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .isEqualTo(dataDirectory() + " - the data directory is open to other users (rwxr-xr-x); the server "
                        + "keeps its files owner-only, but make the directory private too: chmod 700 " + dataDirectory()));
    }

    private void assertEveryFileOwnerOnly(List<String> expected) throws IOException {
        try (Stream<Path> paths = Files.walk(dataDirectory())) {
            List<Path> all = paths.filter(path -> !path.equals(dataDirectory())).toList();
            assertThat(all).extracting(path -> dataDirectory().relativize(path).toString())
                    .containsAll(expected);
            for (Path path : all) {
                assertThat(permissions(path)).as(path.toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }

    private List<AuditEntry> audit(PrimaryServer server) throws Exception {
        String token = Files.readString(dataDirectory().resolve("admin-token")).strip();
        HttpResponse<String> response = new PinnedHttps(server.adminUri(), server.tlsPin())
                .get("/admin/v1/audit", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Arrays.asList(Json.read(response.body().getBytes(StandardCharsets.UTF_8), AuditEntry[].class));
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static void release(Class<?> type, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
