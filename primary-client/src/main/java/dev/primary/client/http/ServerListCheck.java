package dev.primary.client.http;

import dev.primary.client.service.ServerAddress;
import dev.primary.protocol.probe.ServerProbeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks a client's list of servers before it is written (by the Deployment Utility and {@code client-service
 * repoint}): every server that answers must be a Primary Server of one and the same installation (installation id,
 * lease-signing key, TLS key and release keys), and at least one must answer. A server where nothing answers (connection
 * refused, or no connection in time) is a warning, not an error, when another one checks out: a fleet may be installed
 * while one node is down, and the client never uses a server that does not present the pinned keys. Anything else (a
 * name that does not resolve, something that is not a Primary Server, another installation) is an error naming the
 * server, and nothing is written.
 *
 * @param <T> what the check of one server yields
 */
public final class ServerListCheck<T> {
    private final Function<ServerAddress, T> probe;
    private final Function<T, Identity> identityOf;

    /**
     * What makes servers one fleet.
     *
     * @param serverId the installation id
     * @param serverKey the lease-signing public key
     * @param tlsPin the TLS key's pin
     * @param releaseKeys the release keys it trusts
     */
    public record Identity(String serverId, String serverKey, String tlsPin, List<String> releaseKeys) {
        public Identity {
            releaseKeys = List.copyOf(new TreeSet<>(releaseKeys));
        }

        /** How {@code other} differs from this identity, for a message; empty when it does not. */
        String differenceFrom(Identity other) {
            if (!serverId.equals(other.serverId)) {
                return "installation id " + other.serverId + ", not " + serverId;
            }
            if (!tlsPin.equals(other.tlsPin)) {
                return "TLS key " + other.tlsPin + ", not " + tlsPin;
            }
            if (!serverKey.equals(other.serverKey)) {
                return "another lease-signing key";
            }
            if (!releaseKeys.equals(other.releaseKeys)) {
                return "other release keys";
            }
            return "";
        }
    }

    /**
     * @param first what the first server that checked out yielded
     * @param firstAddress where it answered
     * @param warnings one line per server where nothing answered, naming it
     */
    public record Outcome<T>(T first, ServerAddress firstAddress, List<String> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param probe checks one server, throwing {@link ServerProbeException} when it is not a usable Primary Server
     * @param identityOf what identifies the installation in a probe's result
     */
    public ServerListCheck(Function<ServerAddress, T> probe, Function<T, Identity> identityOf) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.identityOf = Objects.requireNonNull(identityOf, "identityOf");
    }

    /**
     * Checks every address, in order.
     *
     * @throws ServerProbeException naming the server (and its place in the list, when there are several) that is wrong,
     *     or saying that none answers
     */
    public Outcome<T> check(List<ServerAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no server to check");
        }
        T first = null;
        ServerAddress firstAddress = null;
        List<String> warnings = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            ServerAddress address = addresses.get(i);
            String which = addresses.size() == 1 ? "" : "server " + (i + 1) + " of " + addresses.size() + ": ";
            T result;
            try {
                result = probe.apply(address);
            } catch (ServerProbeException e) {
                if (e.nothingAnswers() && addresses.size() > 1) {
                    warnings.add(which + e.getMessage() + "; it stays in the list (the client tries it in turn)");
                    silent.add(e.getMessage());
                    continue;
                }
                throw new ServerProbeException(which + e.getMessage(), e.nothingAnswers());
            }
            if (first == null) {
                first = result;
                firstAddress = address;
                continue;
            }
            String difference = identityOf.apply(first).differenceFrom(identityOf.apply(result));
            if (!difference.isEmpty()) {
                throw new ServerProbeException(which + address.text() + " is not the same Primary Server installation as "
                        + firstAddress.text() + " (" + difference + "): every server in the list must share one identity");
            }
        }
        if (first == null) {
            throw new ServerProbeException("no server in the list answers: " + String.join("; ", silent), true);
        }
        return new Outcome<>(first, firstAddress, warnings);
    }
}
