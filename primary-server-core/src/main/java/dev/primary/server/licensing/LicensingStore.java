package dev.primary.server.licensing;

import java.util.function.Function;

/**
 * The store port of the licensing core: where licenses, clients, computers and the audit trail
 * live. Adapters (embedded SQLite, PostgreSQL) implement it in their own modules and prove it with
 * the same contract tests. What the domain relies on, and nothing more (the full text is
 * {@code docs/architecture.md}, "The store contract"):
 *
 * <ul>
 *   <li><b>Isolation.</b> A unit of work given to {@link #write} sees the state as if no other unit ran
 *       between its first read and its commit, wherever the other units run (this thread, another, another
 *       server on the same database). That is what makes each of these hold:
 *       <ul>
 *         <li><i>a seat is taken only if one is free</i>: a unit that finds a license with a free seat
 *             ({@link LicensingReads#licenseWithFreeSeat}) and takes it ({@link LicensingWrites#changeSeatsUsed})
 *             cannot lose that seat to another unit in between, so a license's seats used never exceed its seats;</li>
 *         <li><i>the oldest waiter is taken under a lock</i>: {@link LicensingReads#oldestWaiting} in a unit is the
 *             head of the queue until the unit commits, so no two units grant the same waiter and no one jumps
 *             the queue;</li>
 *         <li><i>a sequence is accepted at most once</i>: {@link LicensingWrites#advanceSequence} returns true for
 *             a client's sequence in at most one unit, so a replayed request is refused even when both copies
 *             arrive at once;</li>
 *         <li><i>no double seat for one computer</i>: a computer (its holder key) is stored once; two units
 *             registering the same computer at once end with one computer and at most one seat.</li>
 *       </ul></li>
 *   <li><b>Atomicity.</b> A unit that throws changes nothing, and its exception reaches the caller unchanged.</li>
 *   <li><b>Durability before the answer.</b> A unit's changes are durable when {@code write} returns (a store may
 *       commit several units together); a failure to commit reaches the caller as a store exception and keeps
 *       nothing of the unit.</li>
 *   <li><b>Order.</b> Units of one caller run in the order it calls {@code write} (each call waits for its commit).
 *       Nothing is promised about the order of different callers' units: the queue's order comes from the
 *       data (waiting since, then id), not from arrival at the store.</li>
 *   <li><b>Each unit runs once.</b> A store does not run a unit again on its own; a unit may therefore sign,
 *       count or log, though the domain keeps such work outside its units.</li>
 * </ul>
 * How a store keeps them is its own affair: one writer thread on SQLite, transactions and locks of the
 * database on PostgreSQL.
 */
public interface LicensingStore {

    /**
     * Runs {@code unit} isolated from every other unit and commits its changes durably.
     *
     * @throws dev.primary.server.store.StoreBusyException when too many units are queued
     * @throws dev.primary.server.store.StoreUnavailableException when the store cannot read or commit
     * @throws dev.primary.server.store.StoreFullException when the store's disk is full
     */
    <T> T write(Function<LicensingWrites, T> unit);

    /**
     * Runs {@code unit} on a consistent snapshot of committed state; it may run alongside writes and may miss
     * a write that commits while it runs. A read never takes a seat: decisions go through {@link #write}.
     */
    <T> T read(Function<LicensingReads, T> unit);
}
