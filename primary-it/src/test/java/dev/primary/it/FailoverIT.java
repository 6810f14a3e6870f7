package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.StateDocument;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.FreePorts;
import dev.primary.testkit.JavaProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients configured with several servers of one fleet: the real server, client and status processes. */
class FailoverIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void a_client_whose_first_server_is_a_dead_address_is_licensed_by_the_second_and_status_shows_it() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        int dead = FreePorts.next();
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "FAIL-1", 1);
            try (ClientProcess client = ClientProcess.deploy(server, work, "PC-DEAD-FIRST", "--server",
                    "127.0.0.1:" + dead + ",127.0.0.1:" + server.clientPort()).start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));

                String live = "127.0.0.1:" + server.clientPort();
                assertThat(client.status().server()).isEqualTo(live);
                CommandResult human = JavaProcess.run(PATIENCE, Map.of(), Programs.CLIENT_SERVICE, "status", "--home",
                        client.home().toString());
                assertThat(human.stdout()).contains("server:        " + live + " (in use; servers: 127.0.0.1:" + dead
                        + ", " + live + ")");
                assertThat(server.computer("PC-DEAD-FIRST").clientId()).isEqualTo(client.state().clientId());
            }
        }
    }

    /**
     * Two server processes of one installation on one PostgreSQL: the second runs on a copy of the first's data
     * directory (its keys and installation id), as the fleet's servers will share one identity.
     */
    @Test
    void a_licensed_client_whose_server_stops_fails_over_to_the_other_and_records_on_its_lease_meanwhile()
            throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            try (Connection connection = database.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE USER primary_server PASSWORD 'kept-in-a-file'");
                statement.execute("CREATE DATABASE primary_fleet OWNER primary_server");
            }
            Path passwordFile = Files.writeString(work.resolve("store-password"), "kept-in-a-file\n");
            String url = database.getJdbcUrl("primary_server", "primary_fleet").replaceAll("[?&]user=[^&]*", "");
            String[] store = {"--store", "postgresql", "--store-url", url, "--store-user", "primary_server",
                    "--store-password-file", passwordFile.toString()};
            Vendor vendor = new Vendor(work.resolve("vendor"));
            ServerProcess first = new ServerProcess(work.resolve("server-a"), vendor, store).start();
            try (first) {
                first.license(vendor, "FLEET-1", 1);
                copyIdentity(first.dataDirectory(), work.resolve("server-b"));
                try (ServerProcess second = new ServerProcess(work.resolve("server-b"), vendor, store).start();
                        ClientProcess client = ClientProcess.deploy(first, work, "PC-FAILOVER", "--server",
                                "127.0.0.1:" + first.clientPort() + ",127.0.0.1:" + second.clientPort(),
                                "--retry-interval", "1s", "--max-backoff", "2s")
                                .start("300ms", "1s")) {
                    Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
                    assertThat(client.state().server()).isEqualTo("127.0.0.1:" + first.clientPort());
                    long recordingBefore = client.recordingLines();

                    first.stop();
                    Instant stopped = Instant.now();

                    String other = "127.0.0.1:" + second.clientPort();
                    Eventually.within(PATIENCE, () -> {
                        StateDocument state = client.state();
                        assertThat(state.server()).isEqualTo(other);
                        assertThat(state.lastSuccessfulContact()).isAfter(stopped);
                    });
                    Instant reached = client.state().lastSuccessfulContact();
                    System.out.printf("failover: %d ms from the first server's stop to the first check-in answered by "
                            + "the second (verify 1s, retry 300ms, max backoff 2s)%n",
                            Duration.between(stopped, reached).toMillis());
                    StateDocument after = client.status();
                    assertThat(after.state()).isEqualTo("licensed");
                    assertThat(after.server()).isEqualTo(other);
                    assertThat(after.recorderRunning()).isTrue();
                    assertThat(client.recorderLines()).as("the Recorder never stopped").noneMatch(
                            line -> line.endsWith("stopped"));
                    Eventually.within(PATIENCE, () -> assertThat(client.recordingLines()).isGreaterThan(recordingBefore));
                    assertThat(second.computer("PC-FAILOVER").lastContact()).isAfter(stopped);
                }
            }
        }
    }

    /** The second server's data directory: the first's, without its lock and logs (its keys and installation id). */
    private static void copyIdentity(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                String name = source.getFileName().toString();
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!name.endsWith(".lock") && !name.endsWith(".log") && !name.startsWith("primary.db")) {
                    try {
                        Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }
}
