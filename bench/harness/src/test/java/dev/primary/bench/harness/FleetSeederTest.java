package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.tls.PinnedTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real server, licensed, stopped, seeded with 2,000 computers (1,500 licensed, 500 waiting), started again. */
class FleetSeederTest {
    private static final String SERIAL = "FLEET-1";

    @TempDir
    static Path work;
    private static ManagedServer server;
    private static long seeded;

    @BeforeAll
    static void seedAFleet() {
        server = new ManagedServer(work, ManagedServerTest.QUICK_JVM, List.of()).start();
        server.license(SERIAL, 1_500);
        server.stop();
        seeded = FleetSeeder.seed(server.dataDirectory(), SERIAL, 2_000, 1_500);
        server.start();
    }

    @AfterAll
    static void closeServer() {
        server.close();
    }

    @Test
    void the_server_counts_the_seeded_fleet_as_its_own() {
        assertThat(seeded).isEqualTo(2_000);
        assertThat(server.summary()).isEqualTo(new LicenseSummary(1_500, 1_500, 1_500, 0, 500));
    }

    @Test
    void manage_computers_lists_the_seeded_computers_sorted_and_filtered() {
        ComputerPage first = server.computers("--sort", "name", "--limit", "20");
        ComputerPage waiting = server.computers("--state", "waiting", "--sort", "name", "--limit", "3");

        assertThat(first.total()).isEqualTo(2_000);
        assertThat(first.items()).extracting(view -> view.computer().computerName()).containsExactly(names(1, 20));
        ComputerView pc1 = first.items().get(0);
        assertThat(pc1.computer()).isEqualTo(FleetSeeder.computer(1));
        assertThat(pc1.state()).isEqualTo(ComputerState.LICENSED);
        assertThat(pc1.licenseSerial()).isEqualTo(SERIAL);
        assertThat(pc1.clientId()).isEqualTo(FleetSeeder.clientKey(1).publicKey().keyId());
        assertThat(pc1.lastContact()).isBetween(Instant.now().minus(Duration.ofHours(4)), Instant.now());
        assertThat(pc1.leaseExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(waiting.total()).isEqualTo(500);
        assertThat(waiting.items()).extracting(view -> view.computer().computerName())
                .containsExactly(names(1_501, 1_503));
        assertThat(waiting.items()).allMatch(view -> view.state() == ComputerState.WAITING);
    }

    @Test
    void a_seeded_client_checks_in_with_its_derived_key_and_lease() throws Exception {
        long verificationsBefore = server.counters().verifications();

        HttpResponse<String> licensed = verify(7);
        HttpResponse<String> waiting = verify(1_999);

        assertThat(licensed.statusCode()).as(licensed.body()).isEqualTo(200);
        assertThat(licensed.body()).contains("\"status\":\"licensed\"");
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"status\":\"waiting\"");
        assertThat(server.counters().verifications()).isEqualTo(verificationsBefore + 2);
    }

    @Test
    void seeding_is_refused_while_the_server_runs() {
        assertThatThrownBy(() -> FleetSeeder.seed(server.dataDirectory(), SERIAL, 5, 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop it before seeding");
    }

    @Test
    void counts_that_do_not_fit_the_license_are_refused() {
        assertThatThrownBy(() -> FleetSeeder.requireFit(SERIAL, 10, 20, 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit the 10 free seats");
        assertThatThrownBy(() -> FleetSeeder.requireFit(SERIAL, 10, 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never makes");
        FleetSeeder.requireFit(SERIAL, 10, 20, 10);
        FleetSeeder.requireFit(SERIAL, 10, 5, 5);
    }

    private static HttpResponse<String> verify(int number) throws Exception {
        SigningKey key = FleetSeeder.clientKey(number);
        byte[] body = Json.write(new VerifyRequest(FleetSeeder.leaseId(number), Version.parse("5.2.310"), 14_400));
        long sequence = System.currentTimeMillis();
        HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.trusting(server.tlsPin())).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://" + server.host() + ":" + server.clientPort()
                        + "/v1/verify"))
                .header("Content-Type", "application/json")
                .header(RequestSignature.CLIENT_ID, key.publicKey().keyId())
                .header(RequestSignature.SEQUENCE, Long.toString(sequence))
                .header(RequestSignature.SIGNATURE, RequestSignature.sign(key, "POST", "/v1/verify", sequence, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] names(int first, int last) {
        return IntStream.rangeClosed(first, last)
                .mapToObj(number -> FleetSeeder.computer(number).computerName()).toArray(String[]::new);
    }
}
