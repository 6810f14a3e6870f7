package dev.primary.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignedDocumentTest {
    private final SigningKey key = Ed25519.generate();
    private final byte[] payload = "{\"seats\":5}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signed_document_verifies_with_its_key_and_gives_back_the_exact_payload() {
        SignedDocument document = SignedDocument.sign(SignedDocument.LICENSE, payload, key);

        assertThat(document.verifiedPayload(SignedDocument.LICENSE, key.publicKey())).isEqualTo(payload);
        assertThat(document.keyId()).isEqualTo(key.publicKey().keyId());
    }

    @Test
    void an_altered_payload_does_not_verify() {
        SignedDocument document = SignedDocument.sign(SignedDocument.LICENSE, payload, key);
        SignedDocument altered = new SignedDocument(document.kind(), document.keyId(),
                Base64Url.encode("{\"seats\":500}".getBytes(StandardCharsets.UTF_8)), document.signature());

        assertThatThrownBy(() -> altered.verifiedPayload(SignedDocument.LICENSE, key.publicKey()))
                .isInstanceOf(DocumentSignatureInvalidException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void a_signature_made_for_one_kind_never_verifies_as_another() {
        SignedDocument lease = SignedDocument.sign(SignedDocument.LEASE, payload, key);
        SignedDocument relabelled = new SignedDocument(SignedDocument.LICENSE, lease.keyId(), lease.payload(),
                lease.signature());

        assertThatThrownBy(() -> lease.verifiedPayload(SignedDocument.LICENSE, key.publicKey()))
                .hasMessageContaining("expected a license");
        assertThatThrownBy(() -> relabelled.verifiedPayload(SignedDocument.LICENSE, key.publicKey()))
                .hasMessageContaining("does not verify");
    }

    @Test
    void a_document_signed_by_another_key_is_refused_by_name() {
        SignedDocument document = SignedDocument.sign(SignedDocument.LEASE, payload, Ed25519.generate());

        assertThatThrownBy(() -> document.verifiedPayload(SignedDocument.LEASE, key.publicKey()))
                .hasMessageContaining("not by the trusted key " + key.publicKey().keyId());
    }

    @Test
    void garbled_base64_is_refused_as_not_well_formed() {
        SignedDocument document = SignedDocument.sign(SignedDocument.LEASE, payload, key);
        SignedDocument garbled = new SignedDocument(document.kind(), document.keyId(), "%%%", document.signature());

        assertThatThrownBy(() -> garbled.verifiedPayload(SignedDocument.LEASE, key.publicKey()))
                .hasMessageContaining("not well-formed");
    }

    @Test
    void a_signing_key_survives_its_text_form_and_never_prints_its_secret() {
        SigningKey restored = SigningKey.decode(key.encoded());

        assertThat(restored).isEqualTo(key);
        assertThat(restored.publicKey()).isEqualTo(key.publicKey());
        assertThat(key.toString()).doesNotContain(key.encoded());
    }

    @Test
    void a_public_key_of_the_wrong_length_is_refused() {
        assertThatThrownBy(() -> PublicKey.decode(Base64Url.encode(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
