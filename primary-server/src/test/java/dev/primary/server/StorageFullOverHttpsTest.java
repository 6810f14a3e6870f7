package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.store.sqlite.SqliteStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk on the real server: the SQLite store capped at its size (a real {@code SQLITE_FULL}), and the package
 * folder on a 1 MiB tmpfs (a real "No space left on device").
 */
class StorageFullOverHttpsTest {
    @TempDir
    Path dataDirectory;

    private LiveServer startWithStore(AtomicReference<SqliteStore> store) throws Exception {
        return LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory), 0,
                (settings, serverKey, directory, clock) -> {
                    store.set(SqliteStore.open(directory.resolve(DataDirectory.DATABASE_FILE_NAME)));
                    return SqliteLicensing.on(store.get(), settings, serverKey, directory, clock);
                });
    }

    private static Problem problemOf(HttpResponse<String> response) {
        return Json.read(response.body().getBytes(StandardCharsets.UTF_8), Problem.class);
    }

    private static boolean listed(LiveServer live, String name) throws Exception {
        return live.admin.get("/admin/v1/computers?search=" + name, live.bearer()).body().contains("\"" + name + "\"");
    }

    @Test
    void registrations_on_a_full_store_are_503_with_retry_after_logged_once_keep_nothing_and_succeed_after()
            throws Exception {
        AtomicReference<SqliteStore> store = new AtomicReference<>();
        try (LiveServer live = startWithStore(store); LogCapture log = new LogCapture()) {
            store.get().capPagesForTests(1);
            HttpResponse<String> refused = null;
            SigningKey lateKey = null;
            String lateName = null;
            int registered = 0;
            while (refused == null && registered < 500) {
                SigningKey key = Ed25519.generate();
                String name = "FILL" + registered;
                HttpResponse<String> answer = live.register(key, name, live.enrollmentToken());
                if (answer.statusCode() == 503) {
                    refused = answer;
                    lateKey = key;
                    lateName = name;
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    registered++;
                }
            }
            assertThat(refused).as("the capped store never filled up").isNotNull();
            // The same registration again needs exactly the room that was missing (a different one, with a shorter
            // name, might still fit in what is left of a page): every retry is refused while the store is full.
            for (int i = 0; i < 50; i++) {
                assertThat(live.register(lateKey, lateName, live.enrollmentToken()).statusCode()).isEqualTo(503);
            }

            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(problemOf(refused).knownType()).hasValue(ProblemType.STORAGE_FULL);
            assertThat(problemOf(refused).detail()).contains("storage is full").doesNotContain("SQLITE")
                    .doesNotContain("INSERT");
            // One line for the whole burst: the ERROR that opens it (none if another test in this JVM opened the
            // burst less than a minute ago; StorageFullLogTest covers its wording).
            List<ILoggingEvent> events = log.events();
            assertThat(log.renderedLines()).isLessThanOrEqualTo(1);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("storage full").contains("SQLITE_FULL");
            });
            assertThat(listed(live, lateName)).isFalse();

            store.get().capPagesForTests(1_000_000);
            HttpResponse<String> afterwards = live.register(lateKey, lateName, live.enrollmentToken());
            assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(200);
            assertThat(listed(live, lateName)).isTrue();
        }
    }

    @Test
    void a_package_upload_onto_a_full_disk_is_503_storage_full_and_leaves_no_file() throws Exception {
        Path packages = Files.createDirectories(dataDirectory.resolve(DataDirectory.PACKAGES_DIRECTORY_NAME));
        mountSmallTmpfs(packages);
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
                LogCapture log = new LogCapture()) {
            byte[] bytes = new byte[2 * 1024 * 1024];
            new java.util.Random(7).nextBytes(bytes);
            String sha256 = dev.primary.protocol.crypto.Sha256.hex(bytes);

            HttpResponse<String> response = live.upload(sha256, bytes);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(problemOf(response).knownType()).hasValue(ProblemType.STORAGE_FULL);
            assertThat(live.storedFiles()).isEmpty();
            // The line that opens the burst (none if another test in this JVM opened it less than a minute ago)
            // names the method once, then the path.
            assertThat(log.events().stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.startsWith("storage full"))).allSatisfy(line -> assertThat(line)
                    .startsWith("storage full - PUT /admin/v1/packages/" + sha256 + " refused"));
        } finally {
            run("umount", packages.toString());
        }
    }

    /** Mounts a 1 MiB tmpfs (tests run as root here); fails the test clearly when it cannot, never skips. */
    private static void mountSmallTmpfs(Path directory) throws IOException, InterruptedException {
        int exit = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", directory.toString());
        assertThat(exit).as("mount -t tmpfs -o size=1m on " + directory
                + " (this test needs root or CAP_SYS_ADMIN to make a real full disk)").isZero();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
