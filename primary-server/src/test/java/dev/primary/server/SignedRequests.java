package dev.primary.server;

import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;

/** The three authentication headers of a client request, made as a Client Service makes them. */
final class SignedRequests {
    private SignedRequests() {}

    static String[] headers(SigningKey clientKey, String method, String path, long sequence, byte[] body) {
        return new String[] {
            RequestSignature.CLIENT_ID, clientKey.publicKey().keyId(),
            RequestSignature.SEQUENCE, Long.toString(sequence),
            RequestSignature.SIGNATURE, RequestSignature.sign(clientKey, method, path, sequence, body)
        };
    }
}
