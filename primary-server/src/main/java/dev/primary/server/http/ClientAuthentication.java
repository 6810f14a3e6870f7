package dev.primary.server.http;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.server.licensing.ClientCredentials;
import java.util.regex.Pattern;

/**
 * Reads a client request's credentials from {@code Primary-Client-Id}, {@code Primary-Sequence} and
 * {@code Primary-Signature}, with the bytes the signature must cover. Whether they verify is the
 * licensing core's business; missing or garbled headers are refused here (401 {@code unauthenticated}).
 */
final class ClientAuthentication {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,18}");

    private ClientAuthentication() {}

    static ClientCredentials credentials(Request request) {
        String clientId = required(request, RequestSignature.CLIENT_ID);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new UnauthenticatedRequestException(RequestSignature.CLIENT_ID + " is not a client id (base64url)");
        }
        String sequenceText = required(request, RequestSignature.SEQUENCE);
        if (!SEQUENCE.matcher(sequenceText).matches()) {
            throw new UnauthenticatedRequestException(RequestSignature.SEQUENCE + " must be a decimal number");
        }
        long sequence = Long.parseLong(sequenceText);
        byte[] signature;
        try {
            signature = Base64Url.decode(required(request, RequestSignature.SIGNATURE));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedRequestException(RequestSignature.SIGNATURE + " is not base64url");
        }
        byte[] signedBytes = RequestSignature.signedBytes(request.method(), request.path(), clientId, sequence,
                request.body());
        return new ClientCredentials(clientId, sequence, signature, signedBytes, request.remoteAddress());
    }

    private static String required(Request request, String header) {
        return request.header(header).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new UnauthenticatedRequestException("missing header " + header
                        + ": client requests must carry " + RequestSignature.CLIENT_ID + ", "
                        + RequestSignature.SEQUENCE + " and " + RequestSignature.SIGNATURE));
    }
}
