package dev.primary.bench.fleet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.bench.fleet.transport.Header;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedClientTest {
    final SigningKey key = Ed25519.generate();
    final AtomicLong clock = new AtomicLong(1_000);
    final SimulatedClient client = new SimulatedClient(7, key, ComputerIdentity.computer("SIM-T-7", "FLEET"),
            ClientProfile.standard(), clock::get);

    @Test
    void a_register_request_is_signed_like_the_real_client_signs_it() {
        OutgoingRequest request = client.register();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/register");
        RegisterRequest body = Json.read(request.body(), RegisterRequest.class);
        assertThat(body.clientKey()).isEqualTo(key.publicKey().encoded());
        assertThat(body.computer().display()).isEqualTo("FLEET\\SIM-T-7");
        assertThat(header(request, RequestSignature.CLIENT_ID)).isEqualTo(key.publicKey().keyId());
        long sequence = Long.parseLong(header(request, RequestSignature.SEQUENCE));
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/register", key.publicKey().keyId(), sequence,
                request.body());
        assertThat(key.publicKey().verifies(signed, Base64Url.decode(header(request, RequestSignature.SIGNATURE))))
                .isTrue();
    }

    @Test
    void a_client_registers_with_its_profiles_enrollment_token_and_without_one_when_it_has_none() {
        String token = "k3x9a2mq." + "A".repeat(43);
        SimulatedClient enrolling = new SimulatedClient(8, Ed25519.generate(),
                ComputerIdentity.computer("SIM-T-8", "FLEET"), ClientProfile.standard().withEnrollmentToken(token),
                clock::get);

        assertThat(Json.read(enrolling.register().body(), RegisterRequest.class).enrollmentToken()).isEqualTo(token);
        assertThat(Json.read(client.register().body(), RegisterRequest.class).enrollmentToken()).isEmpty();
    }

    @Test
    void sequences_grow_strictly_even_when_the_clock_stands_still_or_jumps() {
        long first = sequenceOf(client.register());
        long second = sequenceOf(client.register());
        clock.set(50_000);
        long third = sequenceOf(client.register());
        assertThat(first).isEqualTo(1_000);
        assertThat(second).isEqualTo(1_001);
        assertThat(third).isEqualTo(50_000);
    }

    @Test
    void a_licensed_answer_gives_the_lease_id_the_next_verify_sends() {
        assertThatThrownBy(client::verify).isInstanceOf(IllegalStateException.class).hasMessageContaining("register");
        CheckInResult result = client.accept(Json.write(licensed("lease-42")));
        assertThat(result.licensed()).isTrue();
        assertThat(client.leaseId()).contains("lease-42");
        OutgoingRequest verify = client.verify();
        assertThat(verify.path()).isEqualTo("/v1/verify");
        assertThat(Json.read(verify.body(), VerifyRequest.class).leaseId()).isEqualTo("lease-42");
    }

    @Test
    void a_waiting_answer_keeps_no_lease_and_says_when_to_ask_again() {
        CheckInResult result = client.accept(Json.write(new CheckInAnswer.WaitingForSeat("all 5 seats are in use", 60,
                3)));
        assertThat(result.licensed()).isFalse();
        assertThat(result.status()).isEqualTo(CheckInResult.WAITING);
        assertThat(result.retryAfterSeconds()).isEqualTo(60);
        assertThat(client.leaseId()).isEmpty();
    }

    @Test
    void an_answer_that_is_not_a_check_in_answer_is_refused() {
        assertThatThrownBy(() -> client.accept("{\"hello\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void a_download_is_a_signed_get_over_an_empty_body() {
        String sha = "a".repeat(64);
        OutgoingRequest request = client.download(sha);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v1/packages/" + sha);
        assertThat(request.body()).isEmpty();
        byte[] signed = RequestSignature.signedBytes("GET", request.path(), key.publicKey().keyId(),
                sequenceOf(request), new byte[0]);
        assertThat(key.publicKey().verifies(signed, Base64Url.decode(header(request, RequestSignature.SIGNATURE))))
                .isTrue();
    }

    @Test
    void a_fleet_has_distinct_keys_and_names_numbered_from_its_first_index() {
        Fleet fleet = Fleet.create("RUN1", 10, 3, ClientProfile.standard());
        assertThat(fleet.clients()).extracting(SimulatedClient::index).containsExactly(10, 11, 12);
        assertThat(fleet.clients()).extracting(c -> c.computer().computerName())
                .containsExactly("SIM-RUN1-10", "SIM-RUN1-11", "SIM-RUN1-12");
        assertThat(fleet.clients()).extracting(SimulatedClient::clientId).doesNotHaveDuplicates();
    }

    private CheckInAnswer licensed(String leaseId) {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        LeasePayload payload = new LeasePayload(leaseId, "server", key.publicKey().keyId(), client.computer(),
                "SERIAL-1", List.of(), now, now.plusSeconds(14_400), now.plusSeconds(7 * 86_400));
        return new CheckInAnswer.Licensed(SignedDocument.sign(SignedDocument.LEASE, Json.write(payload),
                Ed25519.generate()), 14_400);
    }

    private static long sequenceOf(OutgoingRequest request) {
        return Long.parseLong(header(request, RequestSignature.SEQUENCE));
    }

    @Test
    void with_check_in_keys_a_client_signs_and_asks_for_a_key_until_an_answer_brings_one_then_macs_its_verifies() {
        client.holdLease("lease-1");
        OutgoingRequest first = client.verifyWithCheckInKey();
        assertThat(header(first, dev.primary.protocol.crypto.RequestMac.TAKES_KEY)).isEqualTo("wanted");
        assertThat(header(first, RequestSignature.SIGNATURE)).isNotEmpty();
        dev.primary.protocol.message.CheckInKey checkInKey = dev.primary.protocol.message.CheckInKey.of(3, new byte[32]);
        client.accept(Json.write(CheckInAnswer.Licensed.keeping("lease-1", 14400, List.of(), null)
                .withCheckInKey(checkInKey)));

        OutgoingRequest maced = client.verifyWithCheckInKey();

        assertThat(client.holdsCheckInKey()).isTrue();
        assertThat(maced.headers()).extracting(Header::name).doesNotContain(RequestSignature.SIGNATURE);
        assertThat(header(maced, dev.primary.protocol.crypto.RequestMac.KEY_VERSION)).isEqualTo("3");
        byte[] covered = RequestSignature.signedBytes("POST", "/v1/verify", key.publicKey().keyId(), sequenceOf(maced),
                maced.body());
        assertThat(dev.primary.protocol.crypto.RequestMac.verifies(checkInKey.bytes(), covered,
                Base64Url.decode(header(maced, dev.primary.protocol.crypto.RequestMac.MAC)))).isTrue();
    }

    private static String header(OutgoingRequest request, String name) {
        return request.headers().stream().filter(header -> header.name().equals(name)).map(Header::value)
                .findFirst().orElseThrow();
    }
}
