package dev.primary.bench.fleet.transport;

import java.time.Duration;

/** An exchange made no progress (no connection, handshake or answer byte) for the exchange timeout. */
public final class ExchangeTimeoutException extends java.io.IOException {
    public ExchangeTimeoutException(Duration timeout) {
        super("no progress for " + timeout.toMillis() + " ms");
    }
}
