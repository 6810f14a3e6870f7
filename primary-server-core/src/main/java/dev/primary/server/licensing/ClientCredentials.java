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
 */
public record ClientCredentials(String clientId, long sequence, byte[] signature, byte[] signedBytes,
        String remoteAddress) {
    public ClientCredentials(String clientId, long sequence, byte[] signature, byte[] signedBytes) {
        this(clientId, sequence, signature, signedBytes, "");
    }

    public ClientCredentials {
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedBytes, "signedBytes");
    }
}
