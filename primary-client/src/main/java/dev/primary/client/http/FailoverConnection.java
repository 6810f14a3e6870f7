package dev.primary.client.http;

import dev.primary.client.config.IpAddresses;
import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.ServerAddress;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerUnreachableException;
import dev.primary.client.service.ServiceSettings;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client protocol against a list of servers of one fleet (same installation id, keys and TLS key): each request
 * goes to the server in use (sticky); when that one does not answer (no connection, a timeout, a TLS failure, which
 * includes a TLS key that is not the pinned one, or a 5xx such as 503), to the next address of the list, wrapping
 * around, until one answers or every one failed once. A name is resolved when a round starts and each of its addresses
 * is tried in turn; at most {@link ServerAddress#MAX_SERVERS} addresses a round. A round in which no server answered is
 * one {@link ServerUnreachableException}, so the service counts it as one failed contact.
 * <p>
 * Only "no answer" moves on: an answer (a lease, a refusal, a problem document) is the fleet's answer, whichever
 * server gave it. A foreign server is never used: every address is reached over the one pinned TLS key, and leases are
 * verified against the one pinned lease-signing key.
 */
public final class FailoverConnection implements ServerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverConnection.class);

    /** Resolves a name to its addresses ({@link InetAddress#getAllByName} in production). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(ServerConnection connection) throws ContactFailedException;
    }

    private final ServiceSettings.ServerEndpoint server;
    private final Resolver resolver;
    private final Function<ServiceSettings.ServerEndpoint, ServerConnection> opener;
    private final Map<Target, ServerConnection> open = new HashMap<>();
    /** Set once by {@link #abandon()}: the service stops, and no request is made or tried further. */
    private volatile boolean stopping;
    private volatile Target current;
    private volatile ServerConnection trying;

    /**
     * @param server the fleet's servers and pinned keys
     * @param resolver resolves names
     * @param opener opens a connection to one address (an IP literal) with the fleet's keys
     */
    public FailoverConnection(ServiceSettings.ServerEndpoint server, Resolver resolver,
            Function<ServiceSettings.ServerEndpoint, ServerConnection> opener) {
        this.server = Objects.requireNonNull(server, "server");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public CheckInAnswer register(RegisterRequest request) throws ContactFailedException {
        return call(connection -> connection.register(request));
    }

    @Override
    public CheckInAnswer verify(VerifyRequest request) throws ContactFailedException {
        return call(connection -> connection.verify(request));
    }

    @Override
    public void report(ReportRequest request) throws ContactFailedException {
        call(connection -> {
            connection.report(request);
            return null;
        });
    }

    @Override
    public PackageBody download(String downloadPath, long offset) throws ContactFailedException {
        return call(connection -> connection.download(downloadPath, offset));
    }

    /** Abandons the request in flight and every later one (the service stops): no further server is tried. */
    @Override
    public void abandon() {
        stopping = true;
        ServerConnection now = trying;
        if (now != null) {
            now.abandon();
        }
    }

    @Override
    public Optional<String> inUse() {
        Target target = current;
        return target == null ? Optional.empty() : Optional.of(target.text());
    }

    /**
     * Runs {@code call} on the server in use; when it does not answer, on the others in turn. Requests from several
     * threads may run at once (a download beside a check-in); each goes through the list on its own.
     */
    private <T> T call(Call<T> call) throws ContactFailedException {
        if (stopping) {
            throw new ServerUnreachableException("interrupted while waiting for the server");
        }
        List<String> failures = new ArrayList<>();
        Target first = current;
        if (first != null) {
            try {
                return tryOn(first, call);
            } catch (ServerUnreachableException e) {
                if (stopping) {
                    throw e;
                }
                failures.add(first.text() + ": " + e.getMessage());
                current = null;
            }
        }
        for (Target target : roundAfter(first, failures)) {
            try {
                T answer = tryOn(target, call);
                if (!failures.isEmpty()) {
                    LOG.warn("{} answers; using it now ({} did not: {})", target.text(),
                            failures.size() == 1 ? "1 other" : failures.size() + " others", String.join("; ", failures));
                }
                return answer;
            } catch (ServerUnreachableException e) {
                if (stopping) {
                    throw e;
                }
                failures.add(target.text() + ": " + e.getMessage());
            }
        }
        throw noneAnswered(failures);
    }

    private <T> T tryOn(Target target, Call<T> call) throws ContactFailedException {
        ServerConnection connection = connectionTo(target);
        trying = connection;
        try {
            T answer = call.on(connection);
            current = target;
            return answer;
        } finally {
            trying = null;
        }
    }

    private ServerUnreachableException noneAnswered(List<String> failures) {
        if (failures.size() == 1 && server.alternates().isEmpty()) {
            // One server with one address: its own reason, as before there were lists.
            String only = failures.get(0);
            return new ServerUnreachableException(only.substring(only.indexOf(": ") + 2));
        }
        return new ServerUnreachableException("no server answers (" + String.join("; ", failures) + ")");
    }

    /**
     * The addresses to try after {@code failed} (or all, when {@code failed} is null): the list resolved now, starting
     * after {@code failed}'s place and wrapping around, without {@code failed}. Names that cannot be resolved go into
     * {@code failures}.
     */
    private List<Target> roundAfter(Target failed, List<String> failures) {
        List<Target> targets = resolveAll(failures);
        int start = failed == null ? -1 : targets.indexOf(failed);
        List<Target> round = new ArrayList<>();
        for (int i = 1; i <= targets.size(); i++) {
            Target next = targets.get(Math.floorMod(start + i, targets.size()));
            if (!next.equals(failed)) {
                round.add(next);
            }
        }
        return round;
    }

    private List<Target> resolveAll(List<String> failures) {
        List<Target> targets = new ArrayList<>();
        for (ServerAddress address : server.addresses()) {
            List<InetAddress> resolved;
            try {
                resolved = resolver.resolve(address.host());
            } catch (UnknownHostException e) {
                failures.add(address.text() + ": the server name cannot be resolved");
                continue;
            }
            for (InetAddress ip : resolved) {
                if (targets.size() == ServerAddress.MAX_SERVERS) {
                    LOG.debug("{} resolves to more addresses than the {} tried per round; the others are left out",
                            address.text(), ServerAddress.MAX_SERVERS);
                    return targets;
                }
                Target target = new Target(address, ip.getHostAddress());
                if (!targets.contains(target)) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    private synchronized ServerConnection connectionTo(Target target) {
        return open.computeIfAbsent(target, chosen -> opener.apply(server.at(new ServerAddress(chosen.ip(),
                chosen.configured().port()))));
    }

    /** One address to try: the configured server and the IP address its name resolved to. */
    private record Target(ServerAddress configured, String ip) {
        String text() {
            return IpAddresses.literal(configured.host()).isPresent() ? configured.text()
                    : configured.text() + " (" + ip + ")";
        }
    }
}
