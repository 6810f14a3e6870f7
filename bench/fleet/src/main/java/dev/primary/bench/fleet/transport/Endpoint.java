package dev.primary.bench.fleet.transport;

import dev.primary.protocol.tls.TlsPin;
import java.util.Objects;

/**
 * Where simulated clients connect: the server's host and client port, and the pin of its TLS key (clients trust the
 * server by this pin alone, as real Client Services do).
 *
 * @param host a host name or address, e.g. {@code 127.0.0.1}
 * @param port the TCP port, 1-65535
 * @param pin the pin of the server's TLS key
 */
public record Endpoint(String host, int port, TlsPin pin) {
    public Endpoint {
        Objects.requireNonNull(pin, "pin");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + port);
        }
    }

    /** {@code host:port}, as in a {@code Host} header. */
    public String authority() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
