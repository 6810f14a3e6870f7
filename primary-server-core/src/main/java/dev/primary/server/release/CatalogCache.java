package dev.primary.server.release;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The {@link ReleaseCatalog} in force, and the one way to change what it holds: a store write that
 * loads the new catalog inside the write (so it sees exactly that write's result) and installs it
 * once committed. Store writes are isolated from each other (the store contract), so the generations
 * they draw inside follow commit order; a catalog from an older write never replaces a newer one,
 * whatever order the callers resume in. Another server's writes on a shared database are seen here at the
 * next {@link #refresh} (which a server of a fleet runs every few seconds) or the next write of this server.
 */
final class CatalogCache {
    private final ReleaseStore store;
    private final AtomicLong generations = new AtomicLong();
    private final AtomicReference<ReleaseCatalog> current = new AtomicReference<>();
    /** Changes of this server share it; a refresh has it alone. */
    private final ReentrantReadWriteLock refreshing = new ReentrantReadWriteLock();

    CatalogCache(ReleaseStore store) {
        this.store = store;
        current.set(store.readReleases(reads -> ReleaseCatalog.load(reads, 0)));
    }

    ReleaseCatalog current() {
        return current.get();
    }

    /**
     * Loads the catalog as the store holds it now, with other servers' changes; it is put in force unless a write
     * of this server that began after this refresh has put a newer one in force meanwhile.
     */
    void refresh() {
        // Never alongside a change of this server: a refresh whose snapshot missed a change still in flight here would
        // otherwise outrank that change's own catalog, and this server would not see its own change until the next one.
        refreshing.writeLock().lock();
        try {
            long generation = generations.incrementAndGet();
            ReleaseCatalog loaded = store.readReleases(reads -> ReleaseCatalog.load(reads, generation));
            current.accumulateAndGet(loaded,
                    (installed, fresh) -> fresh.generation() > installed.generation() ? fresh : installed);
        } finally {
            refreshing.writeLock().unlock();
        }
    }

    /** Runs {@code unit} in a store write, then puts the catalog as of that write in force; returns the unit's result. */
    <T> T change(Function<ReleaseWrites, T> unit) {
        refreshing.readLock().lock();
        try {
            Changed<T> changed = store.writeReleases(writes -> {
                T result = unit.apply(writes);
                return new Changed<>(result, ReleaseCatalog.load(writes, generations.incrementAndGet()));
            });
            current.accumulateAndGet(changed.catalog(),
                    (installed, loaded) -> loaded.generation() > installed.generation() ? loaded : installed);
            return changed.result();
        } finally {
            refreshing.readLock().unlock();
        }
    }

    private record Changed<T>(T result, ReleaseCatalog catalog) {
    }
}
