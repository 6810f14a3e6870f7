package dev.primary.bench.fleet.transport;

import java.time.Duration;
import java.util.List;
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
 * @param keyExchanges the TLS key-exchange groups offered, in order of preference (BoringSSL's names)
 */
public record TransportSettings(int ioThreads, Duration connectTimeout, Duration exchangeTimeout, boolean resumption,
        int ticketSlots, int maxKeptBody, List<String> keyExchanges) {
    /** Bodies of check-in answers are a few KiB; the server refuses request bodies over 64 KiB. */
    public static final int DEFAULT_MAX_KEPT_BODY = 1024 * 1024;

    /**
     * The key-exchange groups of a Client Service's TLS (Java 17's defaults that BoringSSL also knows), in its order of
     * preference. It sends its key share for the first, X25519, so that is what the server agrees with it. BoringSSL's
     * own default as a client puts the post-quantum hybrid X25519MLKEM768 first, which would charge the server an
     * ML-KEM encapsulation at every handshake that no Client Service asks of it.
     */
    public static final List<String> CLIENT_SERVICE_KEY_EXCHANGES = List.of("X25519", "P-256", "P-384", "P-521");

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
        keyExchanges = List.copyOf(Objects.requireNonNull(keyExchanges, "keyExchanges"));
        // one group per entry: BoringSSL's list joins them with ':', so an entry holding one would name several
        if (keyExchanges.isEmpty() || keyExchanges.stream().anyMatch(group -> group.isBlank() || group.contains(":"))) {
            throw new IllegalArgumentException("key exchanges are one or more group names, separated by commas (e.g. "
                    + "X25519,P-256), got " + keyExchanges);
        }
        if (ticketSlots < 0 || maxKeptBody < 1024) {
            throw new IllegalArgumentException("ticketSlots cannot be negative and maxKeptBody is at least 1 KiB");
        }
    }

    public static TransportSettings defaults() {
        return new TransportSettings(1, Duration.ofSeconds(10), Duration.ofSeconds(30), true, 0,
                DEFAULT_MAX_KEPT_BODY, CLIENT_SERVICE_KEY_EXCHANGES);
    }

    public TransportSettings withIoThreads(int threads) {
        return new TransportSettings(threads, connectTimeout, exchangeTimeout, resumption, ticketSlots, maxKeptBody,
                keyExchanges);
    }

    public TransportSettings withResumption(boolean resume, int slots) {
        return new TransportSettings(ioThreads, connectTimeout, exchangeTimeout, resume, slots, maxKeptBody,
                keyExchanges);
    }

    public TransportSettings withTimeouts(Duration connect, Duration exchange) {
        return new TransportSettings(ioThreads, connect, exchange, resumption, ticketSlots, maxKeptBody,
                keyExchanges);
    }

    /** Offer {@code groups} (BoringSSL's names, in order of preference) instead of a Client Service's. */
    public TransportSettings withKeyExchanges(List<String> groups) {
        return new TransportSettings(ioThreads, connectTimeout, exchangeTimeout, resumption, ticketSlots, maxKeptBody,
                groups);
    }
}
