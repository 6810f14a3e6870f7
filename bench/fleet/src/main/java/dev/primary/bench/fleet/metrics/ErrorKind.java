package dev.primary.bench.fleet.metrics;

/** Why an operation did not succeed, as counted in results ({@link #label()} is the key in the results JSON). */
public enum ErrorKind {
    /** Nothing listens on the port (the server is down). */
    CONNECT_REFUSED("connect-refused"),
    /** The TLS handshake failed (including a server key that does not match the pin). */
    TLS("tls"),
    /** No connection, or no complete answer, within the timeout. */
    TIMEOUT("timeout"),
    /** The server closed or reset the connection before the answer was complete. */
    CONNECTION_CLOSED("connection-closed"),
    /** 503 with {@code Retry-After}: an explicit retry-later. */
    HTTP_503("http-503"),
    /** 401: a registration refused for its enrollment token (none, wrong, expired, used up or revoked). */
    HTTP_401("http-401"),
    /** 429 with {@code Retry-After}: over the server's per-source limit on registrations. */
    HTTP_429("http-429"),
    /** Any other 4xx answer. */
    HTTP_4XX("http-4xx"),
    /** Any other 5xx answer. */
    HTTP_5XX("http-5xx"),
    /** An answer that is not what the protocol says (unreadable HTTP, not a check-in answer, too large). */
    PROTOCOL("protocol"),
    /** A 200 check-in answer that is not {@code licensed}: the client waits for a seat. */
    WAITING("waiting"),
    /** A 200 check-in answer that says the client is revoked. */
    REVOKED("revoked"),
    /** Any other transport failure. */
    IO("io");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
