package dev.primary.server.licensing;

import java.util.function.Function;

/**
 * The store port of the licensing core: where licenses, clients, computers and the audit trail
 * live. Adapters (SQLite now, PostgreSQL later) implement it.
 *
 * <p>All changes go through {@link #write}: units of work run one at a time, in the order they
 * were submitted, so a unit can check for a free seat and take it without anyone else taking it in
 * between. A unit's changes are durable before {@code write} returns. A unit that throws changes
 * nothing, and its exception reaches the caller unchanged.
 */
public interface LicensingStore {

    /**
     * Runs {@code unit} alone against the current state and commits its changes durably.
     *
     * @throws dev.primary.server.store.StoreBusyException when too many units are queued
     * @throws dev.primary.server.store.StoreUnavailableException when the store cannot read or commit
     */
    <T> T write(Function<LicensingWrites, T> unit);

    /** Runs {@code unit} on a consistent snapshot of committed state; it may run alongside writes. */
    <T> T read(Function<LicensingReads, T> unit);
}
