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
    private static final Pattern DIGITS = Pattern.compile("0|[1-9]\\d*");

    private ClientAuthentication() {}

    static ClientCredentials credentials(Request request) {
        String clientId = required(request, RequestSignature.CLIENT_ID);
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new UnauthenticatedRequestException(RequestSignature.CLIENT_ID + " is not a client id (base64url)");
        }
        long sequence = sequence(required(request, RequestSignature.SEQUENCE));
        byte[] signature;
        try {
            signature = Base64Url.decode(required(request, RequestSignature.SIGNATURE));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedRequestException(RequestSignature.SIGNATURE + " is " + e.getMessage());
        }
        byte[] signedBytes = RequestSignature.signedBytes(request.method(), request.path(), clientId, sequence,
                request.body());
        return new ClientCredentials(clientId, sequence, signature, signedBytes, request.remoteAddress());
    }

    /**
     * Any decimal number a {@code long} holds (up to 19 digits), in its one spelling (no leading zero, as it is
     * signed); beyond a {@code long} is refused with the bound.
     */
    private static long sequence(String text) {
        if (!DIGITS.matcher(text).matches()) {
            throw new UnauthenticatedRequestException(RequestSignature.SEQUENCE + " must be a decimal number"
                    + " (digits only, no leading zero), got \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UnauthenticatedRequestException(RequestSignature.SEQUENCE + " is larger than the largest"
                    + " sequence, " + Long.MAX_VALUE + " (" + text.length() + " digits)");
        }
    }

    private static String required(Request request, String header) {
        return request.header(header).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new UnauthenticatedRequestException("missing header " + header
                        + ": client requests must carry " + RequestSignature.CLIENT_ID + ", "
                        + RequestSignature.SEQUENCE + " and " + RequestSignature.SIGNATURE));
    }
}
