package dev.primary.bench.fleet.transport;

/**
 * Hears how one exchange ended; called exactly once, on the lane's event-loop thread, so it must not block.
 * Latency runs from the moment the exchange was started (connect and handshake included on a fresh connection)
 * to the last byte of the answer (or to the failure).
 */
public interface ExchangeListener {
    void answered(Answer answer, long latencyNanos);

    void failed(Throwable cause, long latencyNanos);
}
