package dev.primary.admin.http;

import dev.primary.protocol.tls.TlsPin;
import java.net.URI;
import java.util.Objects;

/**
 * Where the admin API is and how to be let in.
 *
 * @param baseUrl e.g. {@code https://127.0.0.1:16771}
 * @param tlsPin the admin port's TLS key: the only key trusted
 * @param token the bearer token; never printed ({@link #toString()} hides it)
 */
public record AdminConnection(URI baseUrl, TlsPin tlsPin, String token) {
    public AdminConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(tlsPin, "tlsPin");
        Objects.requireNonNull(token, "token");
        if (!"https".equalsIgnoreCase(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("admin URL must be https://HOST:PORT, got \"" + baseUrl + "\"");
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("admin token is empty");
        }
    }

    /** The URI of {@code pathAndQuery} (starting with '/') on this server. */
    URI resolve(String pathAndQuery) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + pathAndQuery);
    }

    @Override
    public String toString() {
        return "AdminConnection[" + baseUrl + ", " + tlsPin + ", token hidden]";
    }
}
