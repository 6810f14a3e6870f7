package dev.primary.server.store;

/**
 * Told of every transaction the store's writer commits (for metrics: commit latency and batch size). Called on
 * the writer thread after the commit, before the callers are answered, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface CommitObserver {
    CommitObserver NONE = (writes, nanos) -> { };

    /**
     * @param writes the units of work in the transaction (the group-commit batch size)
     * @param nanos how long the transaction took, from its first unit to the end of its commit (fsync included)
     */
    void committed(int writes, long nanos);
}
