package dev.primary.server;

import dev.primary.server.identity.FleetTicketSecret;
import dev.primary.server.identity.InstallationIncompleteException;
import dev.primary.server.identity.ServerIdentity;
import dev.primary.server.store.postgres.FleetIdentityRow;
import dev.primary.server.store.postgres.PostgresFleet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server joining the fleet on a shared database: the first server records the fleet's public identity
 * (installation id, lease-signing public key, TLS key pin, fingerprint of the session-ticket secret); every later one
 * must present the same, or it refuses to start, naming what differs and where the right files are. Private keys never
 * reach the database: each server holds copies of the same identity files.
 */
final class FleetMembership {
    private static final Logger LOG = LoggerFactory.getLogger(FleetMembership.class);

    private FleetMembership() {}

    /**
     * @throws InstallationIncompleteException if this server's identity is not the fleet's
     */
    static void join(ServerIdentity identity, FleetTicketSecret ticketSecret, PostgresFleet fleet, String node,
            String database, Instant now) {
        FleetIdentityRow mine = new FleetIdentityRow(identity.serverId(), identity.signingKey().publicKey().encoded(),
                identity.tls().pin().value(), ticketSecret.fingerprint());
        FleetIdentityRow recorded = fleet.recordOrRead(mine, node, now);
        List<String> differences = new ArrayList<>();
        compare(differences, "installation id (installation-id)", mine.installationId(), recorded.installationId());
        compare(differences, "lease-signing key (keys/server-signing.key)", mine.signingKey(), recorded.signingKey());
        compare(differences, "TLS key (keys/tls.key, keys/tls.crt or tls-key)", mine.tlsPin(), recorded.tlsPin());
        compare(differences, "session ticket secret (keys/tls-session-ticket-secret)", mine.ticketSecretId(),
                recorded.ticketSecretId());
        if (!differences.isEmpty()) {
            throw new InstallationIncompleteException("this server's " + String.join(", ", differences)
                    + " differ from the fleet's recorded in " + database + ": every server on one database must have "
                    + "the same identity; stop this server, copy installation-id and keys/ from a running server of "
                    + "the fleet into its data directory and start it again (docs/operations.md, Add a server)");
        }
        LOG.info("fleet - {} joined the fleet {} on {}", node, recorded.installationId(), database);
    }

    private static void compare(List<String> differences, String what, String mine, String fleet) {
        if (!mine.equals(fleet)) {
            differences.add(what + " " + abbreviated(mine) + " vs the fleet's " + abbreviated(fleet));
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 24 ? value.substring(0, 24) + "..." : value;
    }
}
