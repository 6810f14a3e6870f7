package dev.primary.bench.fleet.transport;

/** The server closed the connection before the answer was complete. */
public final class ConnectionClosedException extends java.io.IOException {
    public ConnectionClosedException(String message) {
        super(message);
    }
}
