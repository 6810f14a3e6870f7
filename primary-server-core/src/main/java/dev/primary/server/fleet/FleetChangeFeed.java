package dev.primary.server.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet change feed of one server: collects what units of work committed here ({@link #committed}) and what the
 * other servers on the same store relayed ({@link FleetRelay}), and once per {@link Limits#interval()} tells every
 * listener each changed computer once, then the license counts. More than {@link Limits#resyncAbove()} computers in
 * one interval become one {@link FleetChange.Kind#RESYNC}: a watcher then reads a page again instead of taking a
 * thousand rows, and the feed's memory stays bounded however busy the fleet is.
 *
 * <p>Names of computers the writer knew only by id are read from the store at the flush, and only while someone
 * listens; a server without watchers pays a set insert per changed computer and one relay message per interval.
 */
public final class FleetChangeFeed implements FleetChanges, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetChangeFeed.class);

    /**
     * @param interval how often pending changes are told: each computer at most once per interval (default 1 s: a
     *     console row is at most that stale, and a computer checking in every few seconds costs watchers one row a second)
     * @param resyncAbove the most computers told one by one per interval (default 1,000); above that, one resync
     */
    public record Limits(Duration interval, int resyncAbove) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(1), 1_000);

        public Limits {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive, got " + interval);
            }
            if (resyncAbove < 1) {
                throw new IllegalArgumentException("resyncAbove must be at least 1, got " + resyncAbove);
            }
        }
    }

    /** Reads the names (as the admin API writes them) of the computers with these ids; a removed one is left out. */
    @FunctionalInterface
    public interface ComputerNames {
        Map<Long, String> namesOf(Set<Long> ids);
    }

    private final Limits limits;
    private final ComputerNames names;
    private final FleetRelay relay;
    private final List<Consumer<FleetChange>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private Pending toTell;
    private Pending toRelay;

    private FleetChangeFeed(Limits limits, ComputerNames names, FleetRelay relay, boolean timed) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.names = Objects.requireNonNull(names, "names");
        this.relay = Objects.requireNonNull(relay, "relay");
        this.toTell = new Pending(limits.resyncAbove());
        this.toRelay = new Pending(limits.resyncAbove());
        this.timer = timed ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "primary-fleet-changes");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** A feed that flushes every {@link Limits#interval()} on its own thread and hears {@code relay}. */
    public static FleetChangeFeed started(Limits limits, ComputerNames names, FleetRelay relay) {
        FleetChangeFeed feed = new FleetChangeFeed(limits, names, relay, true);
        relay.receive(feed::relayed);
        long millis = limits.interval().toMillis();
        feed.timer.scheduleWithFixedDelay(feed::flushSafely, millis, millis, TimeUnit.MILLISECONDS);
        return feed;
    }

    /** A feed that flushes only when {@link #flush} is called (tests); it hears {@code relay} as well. */
    public static FleetChangeFeed manual(Limits limits, ComputerNames names, FleetRelay relay) {
        FleetChangeFeed feed = new FleetChangeFeed(limits, names, relay, false);
        relay.receive(feed::relayed);
        return feed;
    }

    @Override
    public Subscription subscribe(Consumer<FleetChange> listener) {
        Objects.requireNonNull(listener, "listener");
        Consumer<FleetChange> own = listener::accept; // its own identity, so a listener subscribed twice is removed once
        listeners.add(own);
        return () -> listeners.remove(own);
    }

    /** What a unit of work of this server committed: told to the listeners here and relayed to the other servers. */
    public synchronized void committed(CommittedChanges changes) {
        toTell.add(changes);
        toRelay.add(changes);
    }

    /** What another server committed: told to the listeners here only. */
    synchronized void relayed(CommittedChanges changes) {
        toTell.add(changes);
    }

    /** Relays what this server committed, then tells the listeners what is pending. */
    public void flush() {
        Pending telling;
        Pending relaying;
        synchronized (this) {
            telling = toTell;
            relaying = toRelay;
            toTell = new Pending(limits.resyncAbove());
            toRelay = new Pending(limits.resyncAbove());
        }
        if (!relaying.isEmpty()) {
            relay.send(relaying.changes());
        }
        if (telling.isEmpty() || listeners.isEmpty()) {
            return;
        }
        for (FleetChange change : telling.toldAs(names)) {
            for (Consumer<FleetChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("fleet changes - a listener failed on {}: {}", change.kind(), e.toString());
                }
            }
        }
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the store may be busy or gone for a moment: watchers are told to read again once it answers
            LOG.warn("fleet changes - could not tell the changes: {}", e.toString());
            committedLocally(new CommittedChanges(Map.of(), false, true));
        }
    }

    private synchronized void committedLocally(CommittedChanges changes) {
        toTell.add(changes);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        relay.close();
    }

    /** The changes of one interval, at most {@code resyncAbove} computers of them (more become a resync). */
    private static final class Pending {
        private final int resyncAbove;
        private final Map<Long, String> computers = new LinkedHashMap<>();
        private boolean licenses;
        private boolean resync;

        Pending(int resyncAbove) {
            this.resyncAbove = resyncAbove;
        }

        void add(CommittedChanges changes) {
            licenses |= changes.licenses();
            resync |= changes.resync();
            if (resync) {
                computers.clear();
                return;
            }
            for (Map.Entry<Long, String> computer : changes.computers().entrySet()) {
                computers.merge(computer.getKey(), computer.getValue(), (known, told) -> told.isEmpty() ? known : told);
            }
            if (computers.size() > resyncAbove) {
                resync = true;
                computers.clear();
            }
        }

        boolean isEmpty() {
            return computers.isEmpty() && !licenses && !resync;
        }

        CommittedChanges changes() {
            return new CommittedChanges(computers, licenses, resync);
        }

        List<FleetChange> toldAs(ComputerNames names) {
            if (resync) {
                return List.of(FleetChange.resync());
            }
            Set<Long> unnamed = new java.util.HashSet<>();
            computers.forEach((id, name) -> {
                if (name.isEmpty()) {
                    unnamed.add(id);
                }
            });
            Map<Long, String> read = unnamed.isEmpty() ? Map.of() : new HashMap<>(names.namesOf(unnamed));
            List<FleetChange> told = new ArrayList<>(computers.size() + 1);
            for (Map.Entry<Long, String> computer : computers.entrySet()) {
                String name = computer.getValue().isEmpty() ? read.get(computer.getKey()) : computer.getValue();
                if (name == null) {
                    return List.of(FleetChange.resync()); // removed meanwhile
                }
                told.add(FleetChange.computer(computer.getKey(), name));
            }
            if (licenses) {
                told.add(FleetChange.licenses());
            }
            return told;
        }
    }
}
