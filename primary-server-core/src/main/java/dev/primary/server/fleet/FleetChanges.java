package dev.primary.server.fleet;

import java.util.function.Consumer;

/**
 * Where a watcher learns what changed in the fleet: each computer at most once a second, the license counts after
 * changes that may move them, and a {@link FleetChange.Kind#RESYNC} when too much changed at once (or a relay lost
 * contact) to tell one by one. Listeners are called on the feed's own thread, one change at a time and in order;
 * a listener must not block (it hands the change on), and one that throws does not stop the others.
 */
public interface FleetChanges {
    /** A feed where nothing ever changes (a backend without a store, tests of other parts). */
    FleetChanges NONE = listener -> () -> { };

    /** Calls {@code listener} with every change from now on, until the subscription is closed. */
    Subscription subscribe(Consumer<FleetChange> listener);

    /** An open subscription; closing it more than once is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
