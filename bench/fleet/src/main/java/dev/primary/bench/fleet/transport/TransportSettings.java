package dev.primary.bench.fleet.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator's HTTPS transport behaves.
 *
 * @param ioThreads event-loop threads shared by every connection (the simulator shares the machine with the
 *     server, so 1 by default)
 * @param connectTimeout how long a TCP connect may take
 * @param exchangeTimeout how long an exchange may go without progress (connect, handshake, answer bytes) before it
 *     fails
 * @param resumption whether fresh connections offer a stored TLS session ticket (resumed handshake) or always
 *     make a full handshake
 * @param ticketSlots how many session tickets are kept (one per simulated client, or per lane)
 * @param maxKeptBody the largest answer body kept in memory; larger kept answers are protocol errors
 */
public record TransportSettings(int ioThreads, Duration connectTimeout, Duration exchangeTimeout, boolean resumption,
        int ticketSlots, int maxKeptBody) {
    /** Bodies of check-in answers are a few KiB; the server refuses request bodies over 64 KiB. */
    public static final int DEFAULT_MAX_KEPT_BODY = 1024 * 1024;

    public TransportSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || exchangeTimeout.isNegative()
                || exchangeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (ticketSlots < 0 || maxKeptBody < 1024) {
            throw new IllegalArgumentException("ticketSlots cannot be negative and maxKeptBody is at least 1 KiB");
        }
    }

    public static TransportSettings defaults() {
        return new TransportSettings(1, Duration.ofSeconds(10), Duration.ofSeconds(30), true, 0,
                DEFAULT_MAX_KEPT_BODY);
    }

    public TransportSettings withIoThreads(int threads) {
        return new TransportSettings(threads, connectTimeout, exchangeTimeout, resumption, ticketSlots, maxKeptBody);
    }

    public TransportSettings withResumption(boolean resume, int slots) {
        return new TransportSettings(ioThreads, connectTimeout, exchangeTimeout, resume, slots, maxKeptBody);
    }

    public TransportSettings withTimeouts(Duration connect, Duration exchange) {
        return new TransportSettings(ioThreads, connect, exchange, resumption, ticketSlots, maxKeptBody);
    }
}
