package dev.primary.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A payload and its Ed25519 signature, as kept in files and sent on the wire: leases, license
 * files, unlock files. The payload is carried as the exact bytes that were signed (base64url),
 * so no JSON canonicalisation is needed. The signature covers {@code "primary-" + kind + "\n"}
 * followed by the payload bytes, so a signature made for one kind of document never verifies
 * as another.
 *
 * @param kind what the document is ({@link #LEASE}, {@link #LICENSE}, {@link #UNLOCK}, ...)
 * @param keyId the {@link PublicKey#keyId()} of the signing key
 * @param payload base64url of the signed payload bytes (JSON)
 * @param signature base64url of the 64-byte Ed25519 signature
 */
public record SignedDocument(String kind, String keyId, String payload, String signature) {
    public static final String LEASE = "lease";
    public static final String LICENSE = "license";
    public static final String UNLOCK = "unlock";
    public static final String RELEASE = "release";
    public static final String CONTENT = "content";

    public SignedDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs {@code payloadBytes} as a document of {@code kind}. */
    public static SignedDocument sign(String kind, byte[] payloadBytes, SigningKey key) {
        byte[] signature = key.sign(signedBytes(kind, payloadBytes));
        return new SignedDocument(
                kind, key.publicKey().keyId(), Base64Url.encode(payloadBytes), Base64Url.encode(signature));
    }

    /**
     * Returns the payload bytes when this document is of {@code expectedKind} and its signature
     * verifies with {@code key}; otherwise throws {@link DocumentSignatureInvalidException} saying which.
     */
    public byte[] verifiedPayload(String expectedKind, PublicKey key) {
        if (!kind.equals(expectedKind)) {
            throw new DocumentSignatureInvalidException(
                    "document is a " + kind + ", expected a " + expectedKind);
        }
        if (!keyId.equals(key.keyId())) {
            throw new DocumentSignatureInvalidException(
                    expectedKind + " is signed by key " + keyId + ", not by the trusted key " + key.keyId());
        }
        byte[] payloadBytes;
        byte[] signatureBytes;
        try {
            payloadBytes = Base64Url.decode(payload);
            signatureBytes = Base64Url.decode(signature);
        } catch (IllegalArgumentException e) {
            throw new DocumentSignatureInvalidException(expectedKind + " is not well-formed base64url");
        }
        if (!key.verifies(signedBytes(kind, payloadBytes), signatureBytes)) {
            throw new DocumentSignatureInvalidException(
                    expectedKind + " signature does not verify: the document was altered or not signed by " + key.keyId());
        }
        return payloadBytes;
    }

    /** The payload bytes without any check; for display of documents already verified. */
    public byte[] unverifiedPayload() {
        return Base64Url.decode(payload);
    }

    private static byte[] signedBytes(String kind, byte[] payloadBytes) {
        byte[] prefix = ("primary-" + kind + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + payloadBytes.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(payloadBytes, 0, message, prefix.length, payloadBytes.length);
        return message;
    }
}
