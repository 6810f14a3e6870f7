package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {
    private final SigningKey client = Ed25519.generate();
    private final byte[] body = "{\"leaseId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_request_signature_verifies_for_exactly_the_request_it_was_made_for() {
        String clientId = client.publicKey().keyId();
        byte[] signature = Base64Url.decode(RequestSignature.sign(client, "POST", "/v1/verify", 42, body));

        assertThat(client.publicKey().verifies(
                RequestSignature.signedBytes("POST", "/v1/verify", clientId, 42, body), signature)).isTrue();
        assertThat(client.publicKey().verifies(
                RequestSignature.signedBytes("POST", "/v1/verify", clientId, 43, body), signature))
                .as("another sequence").isFalse();
        assertThat(client.publicKey().verifies(
                RequestSignature.signedBytes("POST", "/v1/register", clientId, 42, body), signature))
                .as("another path").isFalse();
        assertThat(client.publicKey().verifies(
                RequestSignature.signedBytes("POST", "/v1/verify", clientId, 42, "{}".getBytes()), signature))
                .as("another body").isFalse();
    }
}
