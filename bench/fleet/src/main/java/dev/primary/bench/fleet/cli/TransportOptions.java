package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.transport.TransportSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The simulator's transport: event-loop threads, timeouts and the key exchanges its clients offer. */
final class TransportOptions {
    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "1",
            description = "Event-loop threads of the simulator's HTTPS client, shared by every connection (the "
                    + "simulator shares the machine with the server). Default: ${DEFAULT-VALUE}.")
    int ioThreads;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "Longest TCP connect. Default: ${DEFAULT-VALUE}.")
    Duration connectTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Longest wait without progress in an exchange (connect, handshake, answer bytes); a long "
                    + "download that keeps receiving never times out. Default: ${DEFAULT-VALUE}.")
    Duration exchangeTimeout;

    @Option(names = "--key-exchanges", paramLabel = "GROUP[,GROUP...]", split = ",",
            description = "TLS key-exchange groups the simulated clients offer, in order of preference (BoringSSL's "
                    + "names, e.g. X25519MLKEM768 for the post-quantum hybrid). Default: a Client Service's "
                    + "(Java 17's), X25519,P-256,P-384,P-521, so the server agrees X25519 as with a real fleet.")
    List<String> keyExchanges;

    TransportSettings settings() {
        TransportSettings settings = TransportSettings.defaults().withIoThreads(ioThreads)
                .withTimeouts(connectTimeout, exchangeTimeout);
        return keyExchanges == null ? settings : settings.withKeyExchanges(keyExchanges);
    }
}
