package dev.primary.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerAddress;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.client.service.ServiceSettings;
import dev.primary.client.service.TimeSource;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.tls.TlsPin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverConnectionTest {
    private static final TlsPin PIN = new TlsPin("sha256/" + "A".repeat(43));
    private final SigningKey serverKey = Ed25519.generate();
    private final List<String> tried = new ArrayList<>();
    private final Set<String> down = new HashSet<>();
    private final Map<String, List<InetAddress>> names = new HashMap<>();
    private final Set<String> refusing = new HashSet<>();

    @Test
    void the_next_server_answers_when_the_first_does_not_and_stays_in_use() throws Exception {
        FailoverConnection connection = fleet("10.0.0.1", "10.0.0.2", "10.0.0.3");
        down.add("10.0.0.1");

        connection.register(register());
        connection.verify(verify());
        connection.verify(verify());

        assertThat(tried).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.2");
        assertThat(connection.inUse()).contains("10.0.0.2:16770");
    }

    @Test
    void when_the_server_in_use_fails_the_list_goes_on_after_it_and_wraps_around() throws Exception {
        FailoverConnection connection = fleet("10.0.0.1", "10.0.0.2", "10.0.0.3");
        down.add("10.0.0.1");
        connection.register(register());
        tried.clear();
        down.clear();
        down.add("10.0.0.2");
        down.add("10.0.0.3");

        connection.verify(verify());

        assertThat(tried).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.1");
        assertThat(connection.inUse()).contains("10.0.0.1:16770");
    }

    @Test
    void a_round_in_which_no_server_answers_is_one_failure_that_names_each_server() {
        FailoverConnection connection = fleet("10.0.0.1", "10.0.0.2");
        down.add("10.0.0.1");
        down.add("10.0.0.2");

        assertThatThrownBy(() -> connection.verify(verify()))
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("no server answers (10.0.0.1:16770: connection refused; 10.0.0.2:16770: connection refused)");
        assertThat(tried).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(connection.inUse()).isEmpty();
    }

    @Test
    void one_server_that_does_not_answer_fails_with_its_own_reason_as_before() {
        FailoverConnection connection = fleet("10.0.0.1");
        down.add("10.0.0.1");

        assertThatThrownBy(() -> connection.verify(verify())).hasMessage("connection refused");
    }

    @Test
    void an_answer_is_the_fleets_answer_even_a_refusal_so_no_other_server_is_tried() {
        FailoverConnection connection = fleet("10.0.0.1", "10.0.0.2");
        refusing.add("10.0.0.1");

        assertThatThrownBy(() -> connection.register(register())).isInstanceOf(RequestRefusedException.class);
        assertThat(tried).containsExactly("10.0.0.1");
    }

    @Test
    void each_address_of_a_name_is_tried_in_turn() throws Exception {
        names.put("fleet.test", List.of(InetAddress.getByName("10.0.0.5"), InetAddress.getByName("10.0.0.6")));
        FailoverConnection connection = fleet("fleet.test");
        down.add("10.0.0.5");

        connection.register(register());

        assertThat(tried).containsExactly("10.0.0.5", "10.0.0.6");
        assertThat(connection.inUse()).contains("fleet.test:16770 (10.0.0.6)");
    }

    @Test
    void a_name_that_cannot_be_resolved_is_passed_over_and_named_when_no_server_answers() throws Exception {
        FailoverConnection connection = fleet("gone.test", "10.0.0.2");

        connection.register(register());
        assertThat(tried).containsExactly("10.0.0.2");

        down.add("10.0.0.2");
        assertThatThrownBy(() -> connection.verify(verify()))
                .hasMessage("no server answers (10.0.0.2:16770: connection refused; gone.test:16770: the server name "
                        + "cannot be resolved)");
    }

    @Test
    void a_round_tries_at_most_the_maximum_number_of_addresses() throws Exception {
        List<InetAddress> many = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            many.add(InetAddress.getByName("10.0.1." + i));
            down.add("10.0.1." + i);
        }
        names.put("big.test", many);
        FailoverConnection connection = fleet("big.test");

        assertThatThrownBy(() -> connection.verify(verify())).isInstanceOf(ServerUnreachableException.class);
        assertThat(tried).hasSize(ServerAddress.MAX_SERVERS);
    }

    @Test
    void over_real_tls_a_dead_port_and_a_server_with_another_tls_key_are_passed_over_for_the_pinned_server()
            throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        try (FakePrimaryServer foreign = FakePrimaryServer.start(); FakePrimaryServer ours = FakePrimaryServer.start()) {
            ServiceSettings.ServerEndpoint server = new ServiceSettings.ServerEndpoint("127.0.0.1", deadPort, ours.pin(),
                    ours.keys().publicKey(), ours.keys().serverId(), List.of(new ServerAddress("127.0.0.1",
                            foreign.port()), new ServerAddress("127.0.0.1", ours.port())));
            SigningKey clientKey = Ed25519.generate();
            ServerConnection connection = new HttpServerConnector().connect(server, clientKey,
                    new RequestSequence(TimeSource.system(), 0, value -> { }));

            CheckInAnswer answer = connection.register(new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"),
                    "Linux", new Version(0, 1, 0), Version.NONE, clientKey.publicKey().encoded(), 14400));

            assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
            assertThat(foreign.received()).isEmpty();
            assertThat(ours.received("/v1/register")).hasSize(1);
            assertThat(connection.inUse()).contains("127.0.0.1:" + ours.port());
        }
    }

    private FailoverConnection fleet(String first, String... others) {
        List<ServerAddress> alternates = new ArrayList<>();
        for (String other : others) {
            alternates.add(new ServerAddress(other, 16770));
        }
        ServiceSettings.ServerEndpoint server = new ServiceSettings.ServerEndpoint(first, 16770, PIN,
                serverKey.publicKey(), "installation-1", alternates);
        FailoverConnection.Resolver resolver = host -> {
            if (names.containsKey(host)) {
                return names.get(host);
            }
            if (host.matches("[0-9.]+")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        };
        return new FailoverConnection(server, resolver, single -> new Scripted(single.host()));
    }

    private static RegisterRequest register() {
        return new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux", new Version(0, 1, 0),
                Version.NONE, Ed25519.generate().publicKey().encoded(), 14400);
    }

    private static VerifyRequest verify() {
        return new VerifyRequest("lease-1", new Version(1, 0, 1), 14400);
    }

    /** One address of the fleet: answers, refuses, or does not answer, as the test says. */
    private final class Scripted implements ServerConnection {
        private final String ip;

        Scripted(String ip) {
            this.ip = ip;
        }

        private CheckInAnswer answer() throws ContactFailedException {
            tried.add(ip);
            if (down.contains(ip)) {
                throw new ServerUnreachableException("connection refused");
            }
            if (refusing.contains(ip)) {
                throw new RequestRefusedException(new Problem("about:blank", "Forbidden", 403, "no"));
            }
            return new CheckInAnswer.WaitingForSeat("no seat", 60, 1);
        }

        @Override
        public CheckInAnswer register(RegisterRequest request) throws ContactFailedException {
            return answer();
        }

        @Override
        public CheckInAnswer verify(VerifyRequest request) throws ContactFailedException {
            return answer();
        }

        @Override
        public void report(ReportRequest request) throws ContactFailedException {
            answer();
        }

        @Override
        public PackageBody download(String downloadPath, long offset) throws ContactFailedException {
            throw new ServerUnreachableException("not used");
        }
    }
}
