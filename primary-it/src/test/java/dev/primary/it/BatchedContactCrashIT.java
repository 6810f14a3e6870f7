package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check-ins that change nothing but their last contact are written in batches (every 2 s): a SIGKILL of the real
 * server process loses at most the contacts of that window, never a seat, a lease or a change a check-in made.
 */
class BatchedContactCrashIT {
    private static final long WINDOW_MILLIS = 2_000;

    @TempDir
    Path work;

    @Test
    void a_kill_loses_at_most_the_last_window_of_contacts_and_no_seat_or_changed_computer() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "CRASH-1", 10);
            HttpClient http = ProtocolClient.httpClient(new TlsPin(helloOf(server).tlsPin()));
            ProtocolClient early = client(http, server, "EARLY");
            ProtocolClient late = client(http, server, "LATE");
            ProtocolClient changed = client(http, server, "CHANGED");
            String earlyLease = leaseOf(early.register());
            String lateLease = leaseOf(late.register());
            String changedLease = leaseOf(changed.register());

            Instant earlyCheckIn = Instant.now();
            assertThat(new String(verify(early, earlyLease, Version.NONE).body())).contains("\"currentLease\"");
            awaitContactAtLeast(server, "CORP\\EARLY", earlyCheckIn);

            ProtocolClient registeredLast = client(http, server, "NEWEST");
            assertThat(registeredLast.register()).isInstanceOf(CheckInAnswer.Licensed.class);
            assertThat(verify(changed, changedLease, new Version(3, 1, 4)).statusCode()).isEqualTo(200);
            Instant lateCheckIn = Instant.now();
            assertThat(new String(verify(late, lateLease, Version.NONE).body())).contains("\"currentLease\"");
            server.kill();
            Instant killedAt = Instant.now();
            server.start();

            LicenseSummary summary = server.summary();
            assertThat(summary.used()).as("no seat lost").isEqualTo(4);
            assertThat(server.computer("CORP\\NEWEST").state()).isEqualTo(ComputerState.LICENSED);
            assertThat(server.computer("CORP\\CHANGED").recorderVersion()).as("a check-in that changed something is kept")
                    .isEqualTo(new Version(3, 1, 4));
            assertThat(server.computer("CORP\\EARLY").lastContact()).as("a contact older than the window is kept")
                    .isAfterOrEqualTo(earlyCheckIn);
            ComputerView lateView = server.computer("CORP\\LATE");
            if (lateView.lastContact().isBefore(lateCheckIn)) {
                assertThat(killedAt.toEpochMilli() - lateCheckIn.toEpochMilli())
                        .as("a contact is lost only when it was made within the window before the kill")
                        .isLessThanOrEqualTo(WINDOW_MILLIS + 1_000);
            }
            for (String name : List.of("CORP\\EARLY", "CORP\\LATE", "CORP\\CHANGED")) {
                assertThat(server.computer(name).state()).as(name).isEqualTo(ComputerState.LICENSED);
            }
        }
    }

    private static ProtocolClient client(HttpClient http, ServerProcess server, String name) {
        return new ProtocolClient(http, server.clientPort(), ComputerIdentity.computer(name, "CORP"))
                .carrying(server.enrollmentToken());
    }

    private static String leaseOf(CheckInAnswer answer) {
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        return Json.read(((CheckInAnswer.Licensed) answer).lease().unverifiedPayload(), LeasePayload.class).leaseId();
    }

    private static HttpResponse<byte[]> verify(ProtocolClient client, String leaseId, Version recorder)
            throws Exception {
        VerifyRequest request = new VerifyRequest(leaseId, recorder, 14400, new Version(1, 0, 0), 0L, 0, List.of(),
                true);
        HttpResponse<byte[]> response = client.post("/v1/verify", Json.write(request));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return response;
    }

    /** Waits (at most the failure bound) until the server shows {@code computer}'s last contact at or after {@code at}. */
    private static void awaitContactAtLeast(ServerProcess server, String computer, Instant at) throws Exception {
        long deadline = System.nanoTime() + Patience.FAILURE_BOUND.toNanos();
        while (server.computer(computer).lastContact().isBefore(at)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the batched contact of " + computer + " was never written");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static Hello helloOf(ServerProcess server) throws Exception {
        HttpClient trustingAny = HttpClient.newBuilder()
                .sslContext(dev.primary.protocol.tls.PinnedTls.capturing(new AtomicReference<>()))
                .build();
        return ProtocolClient.hello(trustingAny, server.clientPort());
    }
}
