package dev.primary.deployment;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.client.service.ServerAddress;
import dev.primary.protocol.crypto.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * Everything about a client's configuration that comes from the command line, validated; the
 * server part comes from the live check ({@link #configurationFor}).
 */
record ClientPlan(DataVaultAddress dataVault, ClientConfiguration.Computer computer,
        ClientConfiguration.Recorder recorder, ClientConfiguration.Intervals intervals,
        ClientConfiguration.Updates updates) {
    ClientPlan {
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(dataVault, "dataVault");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(intervals, "intervals");
    }

    /**
     * The configuration for the servers at {@code addresses}, with the keys of the checked {@code server} (one of them),
     * and {@code token} ({@link EnrollmentToken#NONE}: none).
     */
    ClientConfiguration configurationFor(ServerCheck.CheckedServer server, List<ServerAddress> addresses,
            EnrollmentToken token) {
        ClientConfiguration.Server pinned = ClientConfiguration.Server.of(addresses, server.tlsPin().value(),
                server.serverKey().encoded(), server.hello().serverId(),
                server.releaseKeys().stream().map(PublicKey::encoded).toList());
        return new ClientConfiguration(pinned, new ClientConfiguration.DataVault(dataVault.host(), dataVault.port()),
                computer, recorder, intervals, updates, token.text());
    }
}
