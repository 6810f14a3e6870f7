package dev.primary.client.nudge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may nudge this client: the addresses of its configured Primary Server (and of any further {@code nudgeSources}),
 * resolved when the configuration names them, at start and whenever it changes. When the server is reached over
 * loopback, any loopback address may nudge (a server on this computer may answer from 127.0.0.1 or ::1 whatever name it
 * was given). A nudge from an address not on the list makes the names be resolved again, at most once a
 * {@linkplain #RESOLVE_AGAIN_AFTER minute}, so that a server whose name could not be resolved at boot, or that moved to
 * a new address, can nudge again without a restart. Thread-safe.
 */
public final class NudgeSources {
    static final Duration RESOLVE_AGAIN_AFTER = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(NudgeSources.class);

    private final Resolver resolver;
    private final LongSupplier nanoTime;
    private volatile Trusted trusted = new Trusted(List.of(), Set.of(), false, 0, false);

    /** Name resolution: the addresses of a host name or literal. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The system's resolver (DNS, the hosts file). */
    public static final Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    public NudgeSources(Resolver resolver, LongSupplier nanoTime) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Sources resolved by the system's resolver. */
    public static NudgeSources resolvedBySystem() {
        return new NudgeSources(SYSTEM, System::nanoTime);
    }

    /** From now on only {@code hosts} (names or addresses) may nudge; resolves them now (a configuration change). */
    public synchronized void trust(List<String> hosts) {
        List<String> names = List.copyOf(hosts);
        Trusted before = trusted;
        trusted = resolve(names);
        if (!before.hosts().equals(names) || !before.addresses().equals(trusted.addresses())) {
            logTrusted();
        }
    }

    /**
     * From now on only {@code hosts} may nudge, resolved by the listener's thread before it takes its first connection
     * ({@link #resolvePending}), so that a slow name service does not hold up the start of the service.
     */
    public synchronized void trustSoon(List<String> hosts) {
        trusted = new Trusted(List.copyOf(hosts), Set.of(), false, 0, true);
    }

    /** Resolves the names {@link #trustSoon} was given, if not done yet. */
    public synchronized void resolvePending() {
        if (trusted.pending()) {
            trusted = resolve(trusted.hosts());
            logTrusted();
        }
    }

    /** Whether a nudge from {@code source} comes from a trusted address (perhaps after resolving the names again). */
    public boolean admits(InetAddress source) {
        Trusted now = trusted;
        if (now.admits(source)) {
            return true;
        }
        boolean recent = nanoTime.getAsLong() - now.resolvedAt() < RESOLVE_AGAIN_AFTER.toNanos();
        if (now.hosts().isEmpty() || recent && !now.pending()) {
            return false;
        }
        synchronized (this) {
            if (trusted == now) {
                trusted = resolve(now.hosts());
                if (!trusted.addresses().equals(now.addresses())) {
                    logTrusted();
                }
            }
            return trusted.admits(source);
        }
    }

    private void logTrusted() {
        LOG.info("Nudges are accepted from {} only{}", describe(trusted),
                trusted.loopback() ? " (and any loopback address)" : "");
    }

    /** The trusted addresses now, for tests and logs. */
    public Set<InetAddress> addresses() {
        return trusted.addresses();
    }

    private Trusted resolve(List<String> hosts) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String host : hosts) {
            try {
                addresses.addAll(resolver.resolve(host));
            } catch (UnknownHostException e) {
                LOG.warn("Nudge source {} cannot be resolved ({}): nudges from it are dropped until it can be (tried again "
                        + "at a nudge, at most once a minute); check-ins are not affected", host, e.getMessage());
            }
        }
        boolean loopback = addresses.stream().anyMatch(InetAddress::isLoopbackAddress);
        return new Trusted(hosts, Set.copyOf(addresses), loopback, nanoTime.getAsLong(), false);
    }

    private static String describe(Trusted trusted) {
        if (trusted.hosts().isEmpty()) {
            return "nowhere";
        }
        List<String> addresses = new ArrayList<>();
        trusted.addresses().forEach(address -> addresses.add(address.getHostAddress()));
        return String.join(", ", trusted.hosts()) + " " + addresses;
    }

    /**
     * @param hosts the names trusted
     * @param addresses what they resolved to
     * @param loopback whether one of them is a loopback address (then every loopback address is trusted)
     * @param resolvedAt when they were resolved (monotonic nanoseconds)
     * @param pending whether they are still to be resolved
     */
    private record Trusted(List<String> hosts, Set<InetAddress> addresses, boolean loopback, long resolvedAt,
            boolean pending) {
        boolean admits(InetAddress source) {
            return addresses.contains(source) || loopback && source.isLoopbackAddress();
        }
    }
}
