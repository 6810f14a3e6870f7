package dev.primary.server.fleet;

import java.util.function.Consumer;

/**
 * Carries changes between the servers that share one store (PostgreSQL's LISTEN/NOTIFY). A relay that loses its
 * connection hands a {@code resync} to its listener once it is back, since changes may have passed meanwhile.
 */
public interface FleetRelay extends AutoCloseable {
    /** A server alone on its store relays nothing. */
    FleetRelay ALONE = new FleetRelay() {
        @Override
        public void send(CommittedChanges changes) {}

        @Override
        public void receive(Consumer<CommittedChanges> listener) {}

        @Override
        public void close() {}
    };

    /** Tells the other servers what this one committed; never throws (a lost batch costs watchers a stale row). */
    void send(CommittedChanges changes);

    /** Starts handing what the other servers send to {@code listener} (on the relay's own thread). */
    void receive(Consumer<CommittedChanges> listener);

    @Override
    void close();
}
