package dev.primary.server.http;

/** Told of every answer a listener gives (for metrics); called on event-loop threads, so it must not block. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (method, route, status) -> { };

    /**
     * @param route the declared route pattern that answered ({@code /v1/packages/{sha256}}), or {@code other}
     */
    void answered(String method, String route, int status);

    /**
     * A file body (a package) finished: {@code bytes} of it were handed to the connection, all of it when
     * {@code complete}, else as far as it got before the connection ended.
     */
    default void fileBytesSent(long bytes, boolean complete) {
    }
}
