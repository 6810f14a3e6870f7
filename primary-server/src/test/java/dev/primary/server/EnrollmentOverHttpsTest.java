package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.protocol.admin.ComputerAction;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentSource;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.admin.RemovalResult;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.config.RegistrationLimit;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment, identity binding and the registration limit over real HTTPS, on a real server and store. */
class EnrollmentOverHttpsTest {
    private static final int BURST = 30;

    @TempDir
    Path dataDirectory;
    private LiveServer live;

    @BeforeEach
    void start() throws Exception {
        live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory).toBuilder()
                .registrationLimit(new RegistrationLimit(1, BURST)).build());
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private static <T> T read(HttpResponse<String> answer, Class<T> type) {
        return Json.read(answer.body().getBytes(StandardCharsets.UTF_8), type);
    }

    private static void assertProblem(HttpResponse<String> answer, ProblemType type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(type.status());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(read(answer, Problem.class).type()).isEqualTo(type.uri());
    }

    private HttpResponse<String> admin(String path, Object body) throws Exception {
        return live.admin.postJson(path, LiveServer.json(body), live.bearer());
    }

    @Test
    void a_registration_without_a_token_is_refused_with_401_and_the_cause() throws Exception {
        HttpResponse<String> answer = live.register(Ed25519.generate(), "PC2", "");

        assertProblem(answer, ProblemType.ENROLLMENT_TOKEN_REQUIRED);
        assertThat(read(answer, Problem.class).detail()).contains("primary-admin enrollment create");
    }

    @Test
    void the_deployment_check_names_a_good_token_and_refuses_a_revoked_one_using_nothing() throws Exception {
        HttpResponse<String> created = admin("/admin/v1/enrollment-tokens",
                new EnrollmentTokenRequest("wing B", 2, 3600, "wing-b"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        CreatedEnrollmentToken token = read(created, CreatedEnrollmentToken.class);

        HttpResponse<String> checked = live.client.postJson("/v1/enrollment/check",
                LiveServer.json(new EnrollmentCheck(token.token())));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(read(checked, EnrollmentCheckAnswer.class))
                .satisfies(answer -> {
                    assertThat(answer.tokenId()).isEqualTo(token.view().id());
                    assertThat(answer.group()).isEqualTo("wing-b");
                    assertThat(answer.usesLeft()).isEqualTo(2);
                });

        HttpResponse<String> revoked = admin("/admin/v1/enrollment-tokens/" + token.view().id() + "/revoke", "{}");
        assertThat(read(revoked, EnrollmentTokenView.class).state()).isEqualTo(EnrollmentTokenView.State.REVOKED);
        assertProblem(live.client.postJson("/v1/enrollment/check", LiveServer.json(new EnrollmentCheck(token.token()))),
                ProblemType.ENROLLMENT_TOKEN_REVOKED);
        assertProblem(admin("/admin/v1/enrollment-tokens/zzzzzzzz/revoke", "{}"), ProblemType.NOT_FOUND);
        JsonNode list = Json.read(live.admin.get("/admin/v1/enrollment-tokens", live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), JsonNode.class);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("enrolled").asInt()).isZero();
        assertThat(list.toString()).doesNotContain(token.token().substring(9));
    }

    @Test
    void a_second_key_for_a_held_computer_gets_409_and_shows_as_a_conflict_until_removed() throws Exception {
        HttpResponse<String> claimed = live.register(Ed25519.generate(), "PC1", live.enrollmentToken());

        assertProblem(claimed, ProblemType.COMPUTER_HELD);
        assertThat(read(claimed, Problem.class).detail()).startsWith("CORP\\PC1 is already held by client "
                + live.clientKey.publicKey().keyId());
        JsonNode conflicts = Json.read(live.admin.get("/admin/v1/computers?state=conflict", live.bearer()).body()
                .getBytes(StandardCharsets.UTF_8), JsonNode.class);
        assertThat(conflicts.get("total").asLong()).isEqualTo(1);
        assertThat(live.verifyClient("any").statusCode()).as("the holder keeps its seat").isEqualTo(200);

        RemovalResult removed = read(admin("/admin/v1/computers/remove",
                new ComputerRemoval(ComputerState.CONFLICT, 0, "")), RemovalResult.class);
        assertThat(removed.removed()).isEqualTo(1);
    }

    @Test
    void rekey_over_the_admin_api_lets_a_reimaged_computer_take_its_seat() throws Exception {
        SigningKey reimaged = Ed25519.generate();
        assertProblem(live.register(reimaged, "PC1", live.enrollmentToken()), ProblemType.COMPUTER_HELD);

        HttpResponse<String> rekey = admin("/admin/v1/computers/rekey", new ComputerAction("CORP\\PC1", "re-imaged"));
        assertThat(rekey.statusCode()).as(rekey.body()).isEqualTo(200);

        HttpResponse<String> answer = live.register(reimaged, "PC1", live.enrollmentToken());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(read(answer, CheckInAnswer.class)).isInstanceOf(CheckInAnswer.Licensed.class);
    }

    @Test
    void a_registration_flood_from_one_address_meets_429_while_the_licensed_client_verifies() throws Exception {
        int limited = 0;
        long started = System.nanoTime();
        int attempts = BURST + 30;
        for (int i = 0; i < attempts; i++) {
            HttpResponse<String> answer = live.register(Ed25519.generate(), "FAKE" + i, live.enrollmentToken());
            if (answer.statusCode() == 429) {
                limited++;
                assertProblem(answer, ProblemType.TOO_MANY_REQUESTS);
                assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
        }

        long elapsedSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(limited).as("refused once the burst is spent").isPositive();
        assertThat(attempts - limited).as("at most the burst and one a second after it")
                .isLessThanOrEqualTo(BURST + (int) elapsedSeconds + 1);
        HttpResponse<String> verified = live.verifyClient("any");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(read(verified, CheckInAnswer.class)).isInstanceOf(CheckInAnswer.Licensed.class);
        TrafficCounters counters = read(live.admin.get("/admin/v1/counters", live.bearer()), TrafficCounters.class);
        assertThat(counters.rateLimited()).isEqualTo(limited);
        List<EnrollmentSource> sources = List.of(read(live.admin.get("/admin/v1/enrollment/sources", live.bearer()),
                EnrollmentSource[].class));
        long refused = limited;
        assertThat(sources).singleElement().satisfies(source -> {
            assertThat(source.address()).isEqualTo("127.0.0.1");
            assertThat(source.limited()).isEqualTo(refused);
            assertThat(source.enrolled()).isGreaterThanOrEqualTo(BURST);
        });
    }
}
