package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.tls.TlsPin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients registering at once against fewer seats never over-grant: exactly N are licensed,
 * the rest wait — also when the server is killed with SIGKILL in the middle and restarted. On each store: the
 * embedded SQLite database, and a real PostgreSQL (started here) that the server process uses with
 * {@code store=postgresql}, where the guarantees are held by the database's transactions and locks.
 */
class ConcurrentRegistrationIT {
    private static final int SEATS = 25;
    private static final int CLIENTS = 160;

    @TempDir
    Path work;

    @Test
    void many_clients_registering_at_once_get_exactly_the_seats_there_are_across_a_kill_and_restart() throws Exception {
        stormAcrossAKill();
    }

    @Test
    void on_postgresql_too_exactly_the_seats_there_are_across_a_kill_and_restart() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            try (Connection connection = database.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE USER primary_server PASSWORD 'kept-in-a-file'");
                statement.execute("CREATE DATABASE primary_fleet OWNER primary_server");
            }
            Path passwordFile = Files.writeString(work.resolve("store-password"), "kept-in-a-file\n");
            String url = database.getJdbcUrl("primary_server", "primary_fleet").replaceAll("[?&]user=[^&]*", "");
            String log = stormAcrossAKill("--store", "postgresql", "--store-url", url, "--store-user", "primary_server",
                    "--store-password-file", passwordFile.toString());
            assertThat(log).as("the server said which store it used").contains("postgresql://")
                    .doesNotContain("kept-in-a-file");
        }
    }

    /** Runs the storm against a server started with {@code storeArguments}; answers the server's output. */
    private String stormAcrossAKill(String... storeArguments) throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        // Every simulated client comes from 127.0.0.1: the per-source registration limit is not what this tests.
        List<String> arguments = new ArrayList<>(List.of("--registration-burst", "100000"));
        arguments.addAll(List.of(storeArguments));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor, arguments.toArray(String[]::new))
                .start()) {
            server.license(vendor, "STORM-1", SEATS);
            HttpClient http = ProtocolClient.httpClient(new TlsPin(helloOf(server).tlsPin()));
            List<ProtocolClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new ProtocolClient(http, server.clientPort(), ComputerIdentity.computer("SIM-" + i, "CORP"))
                        .carrying(server.enrollmentToken()));
            }

            // The last third meets the server down and retries until it is back (StormAcrossKill).
            Map<String, CheckInAnswer> firstAnswers = StormAcrossKill.run(clients, 16,
                    ConcurrentRegistrationIT::registerUntilAnswered, server::kill, server::start);

            Set<String> licensedFirst = licensed(firstAnswers);
            assertThat(licensedFirst).hasSize(SEATS);

            Map<String, CheckInAnswer> finalAnswers = new ConcurrentHashMap<>();
            for (ProtocolClient client : clients) {
                finalAnswers.put(client.clientId(), registerUntilAnswered(client));
            }
            assertThat(licensed(finalAnswers)).as("the same clients hold the seats after the restart")
                    .isEqualTo(licensedFirst);
            assertThat(finalAnswers.values()).filteredOn(CheckInAnswer.WaitingForSeat.class::isInstance)
                    .hasSize(CLIENTS - SEATS);

            LicenseSummary summary = server.summary();
            assertThat(summary.licenses()).isEqualTo(SEATS);
            assertThat(summary.used()).isEqualTo(SEATS);
            assertThat(summary.active()).isEqualTo(SEATS);
            assertThat(summary.waiting()).isEqualTo(CLIENTS - SEATS);
            return server.output();
        }
    }

    private static Hello helloOf(ServerProcess server) throws IOException, InterruptedException {
        HttpClient trustingAny = HttpClient.newBuilder()
                .sslContext(dev.primary.protocol.tls.PinnedTls.capturing(new java.util.concurrent.atomic.AtomicReference<>()))
                .build();
        return ProtocolClient.hello(trustingAny, server.clientPort());
    }

    /** Like a real client: on a connection error (server down or restarting), tries again shortly. */
    private static CheckInAnswer registerUntilAnswered(ProtocolClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return client.register();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no answer for " + client.clientId() + " within 2 minutes", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static Set<String> licensed(Map<String, CheckInAnswer> answers) {
        return answers.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof CheckInAnswer.Licensed)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
