package dev.primary.bench.fleet.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.client.ClientProfile;
import dev.primary.bench.fleet.client.Fleet;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.fleet.transport.HttpsTransport;
import dev.primary.bench.fleet.transport.TransportSettings;
import dev.primary.bench.harness.FleetSeeder;
import dev.primary.bench.harness.HelloWorldServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The priming against a real TLS server of the server's stack (its answers are not check-ins: only the TLS counts). */
class SessionPrimingTest {
    /** Clients that hold a lease, as seeded ones do, so they can verify. */
    private static List<SimulatedClient> licensed(int count) {
        List<SimulatedClient> clients = Fleet.create("PRIME", 0, count, ClientProfile.standard()).clients();
        clients.forEach(client -> client.holdLease(FleetSeeder.leaseId(client.index() + 1)));
        return clients;
    }

    @Test
    void priming_leaves_every_client_holding_a_session_of_its_own_after_one_full_handshake_each() {
        List<SimulatedClient> clients = licensed(40);
        try (HelloWorldServer hello = HelloWorldServer.start(0);
                HttpsTransport transport = HttpsTransport.open(new Endpoint("127.0.0.1", hello.port(),
                        hello.tlsPin()), TransportSettings.defaults().withResumption(true, clients.size()))) {
            SessionPriming.Outcome primed = SessionPriming.prime(transport, clients, 8, Operation.VERIFY,
                    new PrintWriter(new StringWriter()));

            assertThat(clients).allSatisfy(client -> assertThat(transport.holdsSession(client.index())).isTrue());
            assertThat(primed.sessionsHeld()).isEqualTo(40);
            assertThat(primed.rounds()).isEqualTo(1);
            assertThat(primed.metrics().fullHandshakes()).isEqualTo(40);
            assertThat(primed.metrics().resumedHandshakes()).isZero();
            assertThat(primed.describe()).contains("sessions held by 40 of 40 clients", "full 40, resumed 0");
        }
    }

    @Test
    void clients_whose_server_refuses_them_hold_no_session_after_the_last_round() {
        List<SimulatedClient> clients = licensed(3);
        try (HelloWorldServer hello = HelloWorldServer.start(0)) {
            Endpoint nobody = new Endpoint("127.0.0.1", dev.primary.testkit.FreePorts.next(), hello.tlsPin());
            try (HttpsTransport transport = HttpsTransport.open(nobody,
                    TransportSettings.defaults().withResumption(true, clients.size()))) {
                SessionPriming.Outcome primed = SessionPriming.prime(transport, clients, 8, Operation.VERIFY,
                        new PrintWriter(new StringWriter()));

                assertThat(primed.sessionsHeld()).isZero();
                assertThat(primed.rounds()).isEqualTo(SessionPriming.ROUNDS);
                assertThat(primed.metrics().errorsByLabel()).containsEntry("connect-refused", 9L);
            }
        }
    }
}
