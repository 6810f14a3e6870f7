package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.config.StoreChoice;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one real PostgreSQL: a console's stream on server B shows a registration that server A handled
 * (relayed with LISTEN/NOTIFY).
 */
class FleetEventsAcrossServersTest {
    private static EmbeddedPostgres database;

    @TempDir
    Path work;

    @BeforeAll
    static void startPostgres() throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER primary_server PASSWORD 'from-a-file'");
            statement.execute("CREATE DATABASE primary_fleet OWNER primary_server");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        database.close();
    }

    private static PrimaryServer start(Path dataDirectory) {
        StoreChoice store = new StoreChoice.Postgresql(database.getJdbcUrl("primary_server", "primary_fleet")
                .replaceAll("[?&]user=[^&]*", ""), "primary_server", new StoreChoice.StorePassword("from-a-file"));
        return PrimaryServer.start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .openEnrollment(true).store(store).build(), Clock.systemUTC());
    }

    private static void copyIdentity(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(from.resolve("installation-id"), to.resolve("installation-id"));
        try (Stream<Path> files = Files.walk(from.resolve("keys"))) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void a_registration_on_server_a_arrives_on_a_stream_of_server_b() throws Exception {
        try (PrimaryServer nodeA = start(work.resolve("a"))) {
            copyIdentity(work.resolve("a"), work.resolve("b"));
            try (PrimaryServer nodeB = start(work.resolve("b"))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .sslContext(PinnedTls.trusting(nodeB.tlsPin())).build();
                String bearer = "Bearer " + Files.readString(work.resolve("b").resolve("admin-token")).strip();
                HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                        nodeB.adminUri().resolve("/admin/v1/events")).header("Authorization", bearer).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).isEqualTo(200);
                SigningKey clientKey = Ed25519.generate();
                PinnedHttps client = new PinnedHttps(URI.create("https://127.0.0.1:" + nodeA.clientPort()),
                        nodeA.tlsPin());
                byte[] body = Json.write(new RegisterRequest(ComputerIdentity.computer("PC9", "CORP"),
                        "Linux 6.1 amd64", new Version(1, 0, 1), Version.NONE, clientKey.publicKey().encoded(), 14400));
                assertThat(client.post("/v1/register", "application/json", body, SignedRequests.headers(clientKey,
                        "POST", "/v1/register", System.currentTimeMillis(), body)).statusCode()).isEqualTo(200);

                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                        StandardCharsets.UTF_8))) {
                    String event = "";
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ") && event.equals("computer")) {
                            ComputerView row = Json.read(line.substring(6).getBytes(StandardCharsets.UTF_8),
                                    ComputerView.class);
                            assertThat(row.computer().display()).isEqualTo("CORP\\PC9");
                            return;
                        }
                    }
                    throw new AssertionError("the stream ended without a computer event");
                }
            }
        }
    }
}
