package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.testkit.SlowRequests;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server process with 3,000 slow connections held against its client port (TLS done, then a request head
 * sent a byte at a time and never finished): a licensed client still verifies, the administrator's real
 * {@code primary-admin summary} still answers, and connections over the caps are refused and shown by
 * {@code primary-admin counters}.
 */
class SlowConnectionFloodIT {
    private static final int SOURCES = 10;
    private static final int PER_SOURCE = 300;
    private static final int HELD = SOURCES * PER_SOURCE;

    @TempDir
    Path work;

    @Test
    void a_slow_connection_flood_leaves_the_licensed_client_and_primary_admin_answering() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor,
                "--max-connections", Integer.toString(HELD + 50), "--max-connections-per-source",
                Integer.toString(PER_SOURCE), "--header-timeout", "5m").start();
                SlowRequests flood = new SlowRequests(PinnedTls.trusting(pinOf(server)).getSocketFactory(),
                        server.clientPort())) {
            server.license(vendor, "FLOOD-1", 5);
            HttpClient http = ProtocolClient.httpClient(pinOf(server));
            ProtocolClient client = new ProtocolClient(http, server.clientPort(),
                    ComputerIdentity.computer("PC-FLOOD", "CORP")).carrying(server.enrollmentToken());
            assertThat(client.register()).isInstanceOf(CheckInAnswer.Licensed.class);

            for (int source = 0; source < SOURCES; source++) {
                assertThat(flood.open("127.0.0." + (2 + source), PER_SOURCE)).as("refused within the caps").isZero();
                flood.trickle();
            }
            assertThat(flood.open("127.0.0.2", 1)).as("a connection over the cap per source is refused").isEqualTo(1);
            flood.trickle();

            HttpResponse<byte[]> verified = client.post("/v1/verify",
                    Json.write(new VerifyRequest("any", new Version(1, 0, 0), 14400)));
            assertThat(verified.statusCode()).as(new String(verified.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(server.summary().used()).as("primary-admin summary answers").isEqualTo(1);
            TrafficCounters counters = Json.read(server.adminSucceeds("counters", "--json")
                    .getBytes(StandardCharsets.UTF_8), TrafficCounters.class);
            assertThat(counters.refusedConnections()).isEqualTo(1);
            assertThat(counters.verifications()).isEqualTo(1);
            assertThat(server.adminSucceeds("counters")).contains("Connections refused: 1");
            flood.trickle();
            assertThat(flood.closedByServer()).as("the flood within the caps is still held").isZero();
        }
    }

    private static TlsPin pinOf(ServerProcess server) throws Exception {
        Hello hello = ProtocolClient.hello(HttpClient.newBuilder().sslContext(PinnedTls.capturing(
                new AtomicReference<>())).build(), server.clientPort());
        return new TlsPin(hello.tlsPin());
    }
}
