package dev.primary.server.http;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.server.licensing.ClientCredentials;

/**
 * Reads a client request's credentials from {@code Primary-Client-Id}, {@code Primary-Sequence} and
 * {@code Primary-Signature} (or, for a check-in, {@code Primary-Mac} and {@code Primary-Mac-Key}), with the bytes the
 * signature or MAC must cover. Whether they verify is the
 * licensing core's business; missing or garbled headers are refused here (401 {@code unauthenticated}).
 */
final class ClientAuthentication {
    private static final int MAX_CLIENT_ID_LENGTH = 64;
    private static final int MAX_KEY_VERSION = 999_999_999;
    private static final int MAX_KEY_VERSION_DIGITS = 9;

    private ClientAuthentication() {}

    static ClientCredentials credentials(Request request) {
        String clientId = required(request, RequestSignature.CLIENT_ID);
        if (!isClientId(clientId)) {
            throw new UnauthenticatedRequestException(RequestSignature.CLIENT_ID + " is not a client id (base64url)");
        }
        long sequence = sequence(required(request, RequestSignature.SEQUENCE));
        byte[] signedBytes = RequestSignature.signedBytes(request.method(), request.path(), clientId, sequence,
                request.body());
        if (request.header(RequestMac.MAC).isPresent()) {
            return maced(request, clientId, sequence, signedBytes);
        }
        byte[] signature = decoded(request, RequestSignature.SIGNATURE);
        ClientCredentials signed = new ClientCredentials(clientId, sequence, signature, signedBytes,
                request.remoteAddress());
        boolean takesKey = request.header(RequestMac.TAKES_KEY).map(String::strip)
                .filter(RequestMac.TAKES_KEY_VALUE::equalsIgnoreCase).isPresent();
        return takesKey ? signed.takingCheckInKey() : signed;
    }

    /** A request with {@code Primary-Mac}: it must also say the key version, and carry no signature besides. */
    private static ClientCredentials maced(Request request, String clientId, long sequence, byte[] signedBytes) {
        if (request.header(RequestSignature.SIGNATURE).isPresent()) {
            throw new UnauthenticatedRequestException("a request carries either " + RequestSignature.SIGNATURE
                    + " or " + RequestMac.MAC + ", not both");
        }
        byte[] mac = decoded(request, RequestMac.MAC);
        if (mac.length != RequestMac.LENGTH) {
            throw new UnauthenticatedRequestException(RequestMac.MAC + " must hold " + RequestMac.LENGTH
                    + " bytes, not " + mac.length);
        }
        String version = required(request, RequestMac.KEY_VERSION);
        if (!isDecimal(version) || version.equals("0") || version.length() > MAX_KEY_VERSION_DIGITS) {
            throw new UnauthenticatedRequestException(RequestMac.KEY_VERSION + " must be a key version from 1 to "
                    + MAX_KEY_VERSION + " (digits, no leading zero)");
        }
        return ClientCredentials.maced(clientId, sequence, mac, signedBytes, request.remoteAddress(),
                Integer.parseInt(version));
    }

    private static byte[] decoded(Request request, String header) {
        try {
            return Base64Url.decode(required(request, header));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedRequestException(header + " is " + e.getMessage());
        }
    }

    /**
     * Any decimal number a {@code long} holds (up to 19 digits), in its one spelling (no leading zero, as it is
     * signed); beyond a {@code long} is refused with the bound.
     */
    private static long sequence(String text) {
        if (!isDecimal(text)) {
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

    /** Base64url, 1 to 64 characters: {@code [A-Za-z0-9_-]{1,64}}, checked without a regular expression (every request). */
    private static boolean isClientId(String text) {
        if (text.isEmpty() || text.length() > MAX_CLIENT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A decimal number in its one spelling, {@code 0|[1-9][0-9]*}: ASCII digits only, no leading zero. */
    private static boolean isDecimal(String text) {
        if (text.isEmpty() || text.length() > 1 && text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String required(Request request, String header) {
        return request.header(header).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new UnauthenticatedRequestException("missing header " + header
                        + ": client requests must carry " + RequestSignature.CLIENT_ID + ", "
                        + RequestSignature.SEQUENCE + " and " + RequestSignature.SIGNATURE));
    }
}
