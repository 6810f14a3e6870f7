package dev.primary.server.release;

import java.util.function.Function;

/**
 * The store port of the release core: releases, content updates, rollouts and the computers'
 * groups. Same contract as {@link dev.primary.server.licensing.LicensingStore}: a unit of work is
 * isolated from every other unit (the licensing core's too, when one store serves both), durable
 * before {@link #writeReleases} returns, and a unit that throws changes nothing.
 * (The methods have their own names so one store can implement both ports.)
 */
public interface ReleaseStore {

    /**
     * Runs {@code unit} isolated from every other unit and commits its changes durably.
     *
     * @throws dev.primary.server.store.StoreBusyException when too many units are queued
     * @throws dev.primary.server.store.StoreUnavailableException when the store cannot read or commit
     */
    <T> T writeReleases(Function<ReleaseWrites, T> unit);

    /** Runs {@code unit} on a consistent snapshot of committed state; it may run alongside writes. */
    <T> T readReleases(Function<ReleaseReads, T> unit);
}
