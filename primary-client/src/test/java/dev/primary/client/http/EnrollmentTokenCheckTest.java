package dev.primary.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.client.service.EnrollmentToken;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.FakePrimaryServer.Response;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.testkit.ThrowawayCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentTokenCheckTest {
    private static final Instant EXPIRY = Instant.parse("2026-12-31T00:00:00Z");

    private final FakePrimaryServer server = FakePrimaryServer.start();
    private final EnrollmentTokenCheck check = new EnrollmentTokenCheck(Duration.ofSeconds(5));
    private final String token = server.issueToken(new EnrollmentCheckAnswer("k7q2m4xa", "lab PCs", "lab", 3, EXPIRY));
    private final String secret = token.substring(token.indexOf('.') + 1);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void a_token_the_server_confirms_is_described_by_id_label_group_uses_and_expiry_but_not_its_secret() {
        EnrollmentCheckAnswer answer = check.check("127.0.0.1", server.port(), server.pin(), EnrollmentToken.parse(token));

        assertThat(answer).isEqualTo(new EnrollmentCheckAnswer("k7q2m4xa", "lab PCs", "lab", 3, EXPIRY));
        assertThat(EnrollmentTokenCheck.describe(answer))
                .isEqualTo("k7q2m4xa \"lab PCs\", group lab, 3 uses left, expires 2026-12-31T00:00:00Z");
        assertThat(EnrollmentTokenCheck.describe(new EnrollmentCheckAnswer("p3r8w2zd", "", "", null, null)))
                .isEqualTo("p3r8w2zd, no group, unlimited uses, never expires");
        assertThat(server.received("/v1/enrollment/check").get(0).bodyAs(EnrollmentCheck.class).enrollmentToken())
                .isEqualTo(token);
    }

    @Test
    void each_refused_token_names_the_servers_reason_and_problem_type_without_its_secret() {
        for (ProblemType type : List.of(ProblemType.ENROLLMENT_TOKEN_EXPIRED, ProblemType.ENROLLMENT_TOKEN_USED_UP,
                ProblemType.ENROLLMENT_TOKEN_REVOKED)) {
            server.refuseToken(token, type);

            assertThatThrownBy(() -> check.check("127.0.0.1", server.port(), server.pin(), EnrollmentToken.parse(token)))
                    .isInstanceOfSatisfying(EnrollmentCheckFailedException.class,
                            failed -> assertThat(failed.refusal()).contains(type))
                    .hasMessageStartingWith("127.0.0.1:" + server.port() + " refuses enrollment token k7q2m4xa: ")
                    .hasMessageEndingWith("(" + type.uri().replace("urn:primary:problem:", "") + ")")
                    .hasMessageNotContaining(secret);
        }
    }

    @Test
    void a_token_the_server_never_issued_is_refused_as_invalid() {
        EnrollmentToken wrong = EnrollmentToken.parse("zzzzzzzz." + "W".repeat(43));

        assertThatThrownBy(() -> check.check("127.0.0.1", server.port(), server.pin(), wrong))
                .isInstanceOfSatisfying(EnrollmentCheckFailedException.class,
                        failed -> assertThat(failed.refusal()).contains(ProblemType.ENROLLMENT_TOKEN_INVALID))
                .hasMessage("127.0.0.1:" + server.port() + " refuses enrollment token zzzzzzzz: no enrollment token "
                        + "zzzzzzzz was issued by this server (enrollment-token-invalid)");
    }

    @Test
    void a_rate_limited_check_says_when_to_try_again() {
        server.on("/v1/enrollment/check", request -> Response.tooManyRequests(30, "10 checks a minute from 127.0.0.1"));

        assertThatThrownBy(() -> check.check("127.0.0.1", server.port(), server.pin(), EnrollmentToken.parse(token)))
                .isInstanceOfSatisfying(EnrollmentCheckFailedException.class,
                        failed -> assertThat(failed.refusal()).isEmpty())
                .hasMessage("127.0.0.1:" + server.port() + " checks no more tokens from this address for now: "
                        + "10 checks a minute from 127.0.0.1; try again in 30 s");
    }

    @Test
    void a_server_of_an_earlier_release_without_token_checks_says_so() {
        server.on("/v1/enrollment/check", request -> Response.problem(ProblemType.NOT_FOUND, "no such path"));

        assertThatThrownBy(() -> check.check("127.0.0.1", server.port(), server.pin(), EnrollmentToken.parse(token)))
                .hasMessageContaining("cannot check enrollment tokens (HTTP 404 on /v1/enrollment/check)")
                .hasMessageContaining("upgrade it, or leave the token out");
    }

    @Test
    void a_server_with_another_tls_key_never_sees_the_token() {
        assertThatThrownBy(() -> check.check("127.0.0.1", server.port(), ThrowawayCertificate.create().pin(),
                EnrollmentToken.parse(token)))
                .isInstanceOf(EnrollmentCheckFailedException.class)
                .hasMessageContaining("cannot check enrollment token k7q2m4xa with 127.0.0.1:" + server.port()
                        + ": TLS key refused")
                .hasMessageNotContaining(secret);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void nothing_answering_is_a_failed_check() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> check.check("127.0.0.1", closed, server.pin(), EnrollmentToken.parse(token)))
                .hasMessage("cannot check enrollment token k7q2m4xa with 127.0.0.1:" + closed + ": connection refused");
    }
}
