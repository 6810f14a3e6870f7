package dev.primary.bench.harness;

/** A managed server did not come up: it exited, or did not answer hello in time. */
public final class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
