package dev.primary.server.licensing;

import java.util.Objects;

/**
 * What a client request carries to prove who sent it (see
 * {@link dev.primary.protocol.crypto.RequestSignature}): the HTTP edge extracts it, the licensing
 * core checks it (signature against the client's key, sequence against replays).
 *
 * @param clientId the {@code Primary-Client-Id} header
 * @param sequence the {@code Primary-Sequence} header
 * @param signature the decoded {@code Primary-Signature} header
 * @param signedBytes the bytes the signature must cover, from
 *     {@link dev.primary.protocol.crypto.RequestSignature#signedBytes}
 * @param remoteAddress the IP address the request came from (where a nudge goes); empty when unknown
 * @param macKeyVersion 0 when {@code signature} is an Ed25519 signature; else {@code signature} is a check-in MAC
 *     ({@link dev.primary.protocol.crypto.RequestMac}) made with the check-in key of this version
 * @param takesCheckInKey whether the client said it takes a check-in key in a licensed answer
 *     ({@link dev.primary.protocol.crypto.RequestMac#TAKES_KEY}); clients that do not would refuse the unknown field
 */
public record ClientCredentials(String clientId, long sequence, byte[] signature, byte[] signedBytes,
        String remoteAddress, int macKeyVersion, boolean takesCheckInKey) {
    public ClientCredentials(String clientId, long sequence, byte[] signature, byte[] signedBytes) {
        this(clientId, sequence, signature, signedBytes, "");
    }

    public ClientCredentials(String clientId, long sequence, byte[] signature, byte[] signedBytes,
            String remoteAddress) {
        this(clientId, sequence, signature, signedBytes, remoteAddress, 0, false);
    }

    /** These credentials from a client that takes check-in keys. */
    public ClientCredentials takingCheckInKey() {
        return new ClientCredentials(clientId, sequence, signature, signedBytes, remoteAddress, macKeyVersion, true);
    }

    /** Credentials of a request authenticated with a check-in MAC of key version {@code keyVersion} (1 or more). */
    public static ClientCredentials maced(String clientId, long sequence, byte[] mac, byte[] signedBytes,
            String remoteAddress, int keyVersion) {
        if (keyVersion < 1) {
            throw new IllegalArgumentException("a check-in key version is 1 or more, got " + keyVersion);
        }
        return new ClientCredentials(clientId, sequence, mac, signedBytes, remoteAddress, keyVersion, true);
    }

    /** Whether the request carries a check-in MAC rather than a signature. */
    public boolean maced() {
        return macKeyVersion > 0;
    }

    public ClientCredentials {
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedBytes, "signedBytes");
    }
}
