package dev.primary.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.CheckInKeyFile;
import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServiceSettings;
import dev.primary.client.service.TimeSource;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.FakePrimaryServer.Response;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.CheckInKey;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Client Service's side of check-in keys, over real HTTPS against a scripted server. */
class CheckInKeyConnectionTest {
    private static final CheckInKey KEY = CheckInKey.of(1, new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        32});

    @TempDir
    Path home;

    private final FakePrimaryServer server = FakePrimaryServer.start();
    private final SigningKey clientKey = Ed25519.generate();
    private final RequestSequence sequence = new RequestSequence(TimeSource.system(), 0, next -> { });

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void the_client_asks_for_a_key_keeps_it_owner_only_and_authenticates_its_next_check_in_with_it() throws Exception {
        scriptServer();
        CheckInKeyFile keys = CheckInKeyFile.at(home.resolve(CheckInKeyFile.FILE_NAME));
        HttpServerConnection connection = connection(keys);

        connection.register(registerRequest());
        CheckInAnswer answer = connection.verify(new VerifyRequest("lease-1", Version.NONE, 14400));

        assertThat(server.received("/v1/register").get(0).header(RequestMac.TAKES_KEY)).isEqualTo("wanted");
        Path file = home.resolve(CheckInKeyFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("1 " + KEY.key() + "\n");
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        FakePrimaryServer.Request verify = server.received("/v1/verify").get(0);
        assertThat(verify.header(RequestSignature.SIGNATURE)).isNull();
        assertThat(verify.header(RequestMac.KEY_VERSION)).isEqualTo("1");
        assertThat(CheckInKeyFile.at(file).current()).as("a restart reads it back").hasValue(KEY);
    }

    @Test
    void a_refused_key_is_dropped_and_the_check_in_is_signed_once_more() throws Exception {
        scriptServer();
        CheckInKeyFile keys = CheckInKeyFile.at(home.resolve(CheckInKeyFile.FILE_NAME));
        keys.keep(CheckInKey.of(7, new byte[32]));
        HttpServerConnection connection = connection(keys);

        CheckInAnswer answer = connection.verify(new VerifyRequest("lease-1", Version.NONE, 14400));

        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        List<FakePrimaryServer.Request> attempts = server.received("/v1/verify");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).header(RequestMac.KEY_VERSION)).isEqualTo("7");
        assertThat(attempts.get(1).header(RequestMac.MAC)).isNull();
        assertThat(attempts.get(1).sequence()).isGreaterThan(attempts.get(0).sequence());
        assertThat(keys.current()).as("the signed answer brought the current key").hasValue(KEY);
    }

    @Test
    void a_client_without_a_key_file_signs_every_request_and_asks_for_no_key() throws Exception {
        scriptServer();
        HttpServerConnection connection = new HttpServerConnection(endpoint(), clientKey, sequence);

        connection.register(registerRequest());
        connection.verify(new VerifyRequest("lease-1", Version.NONE, 14400));

        assertThat(server.received()).allSatisfy(request -> {
            assertThat(request.header(RequestMac.TAKES_KEY)).isNull();
            assertThat(request.header(RequestMac.MAC)).isNull();
        });
    }

    /** Register as the fake does, handing out KEY when asked; verify by MAC with KEY (version 1) or by signature. */
    private void scriptServer() {
        server.on("/v1/register", request -> withKey(request, server.register(request)));
        server.on("/v1/verify", request -> {
            CheckInAnswer.Licensed kept = CheckInAnswer.Licensed.keeping("lease-1", 14400, List.of(), null);
            if (request.header(RequestMac.MAC) != null) {
                byte[] covered = RequestSignature.signedBytes("POST", "/v1/verify", request.clientId(),
                        request.sequence(), request.body());
                boolean valid = "1".equals(request.header(RequestMac.KEY_VERSION))
                        && RequestMac.verifies(KEY.bytes(), covered, Base64Url.decode(request.header(RequestMac.MAC)));
                return valid ? Response.json(200, kept)
                        : Response.problem(ProblemType.SIGNATURE_REQUIRED, "check-in key version is not current");
            }
            byte[] covered = RequestSignature.signedBytes("POST", "/v1/verify", request.clientId(), request.sequence(),
                    request.body());
            if (!clientKey.publicKey().verifies(covered, Base64Url.decode(request.signature()))) {
                return Response.problem(ProblemType.SIGNATURE_INVALID, "bad signature");
            }
            return "wanted".equals(request.header(RequestMac.TAKES_KEY)) ? Response.json(200, kept.withCheckInKey(KEY))
                    : Response.json(200, kept);
        });
    }

    private static Response withKey(FakePrimaryServer.Request request, Response answer) {
        if (answer.status() != 200 || !"wanted".equals(request.header(RequestMac.TAKES_KEY))) {
            return answer;
        }
        CheckInAnswer.Licensed licensed = (CheckInAnswer.Licensed) Json.read(answer.body(), CheckInAnswer.class);
        return Response.json(200, licensed.withCheckInKey(KEY));
    }

    private HttpServerConnection connection(CheckInKeyFile keys) {
        return new HttpServerConnection(endpoint(), clientKey, sequence, Duration.ofSeconds(5), Duration.ofSeconds(10),
                keys);
    }

    private ServiceSettings.ServerEndpoint endpoint() {
        return new ServiceSettings.ServerEndpoint("127.0.0.1", server.port(), server.pin(), server.keys().publicKey(),
                server.keys().serverId());
    }

    private RegisterRequest registerRequest() {
        return new RegisterRequest(ComputerIdentity.computer("PC1", "CORP"), "Linux 6.1 amd64", new Version(0, 1, 0),
                Version.NONE, clientKey.publicKey().encoded(), 14400);
    }
}
