package dev.primary.server.release;

import java.util.function.Function;

/**
 * The store port of the release core: releases, content updates, rollouts and the computers'
 * groups. Same rules as {@link dev.primary.server.licensing.LicensingStore}: units of work run one
 * at a time in submission order (with the licensing core's, when one store serves both), and are
 * durable before {@link #writeReleases} returns; a unit that throws changes nothing.
 * (The methods have their own names so one store can implement both ports.)
 */
public interface ReleaseStore {

    /**
     * Runs {@code unit} alone against the current state and commits its changes durably.
     *
     * @throws dev.primary.server.store.StoreBusyException when too many units are queued
     * @throws dev.primary.server.store.StoreUnavailableException when the store cannot read or commit
     */
    <T> T writeReleases(Function<ReleaseWrites, T> unit);

    /** Runs {@code unit} on a consistent snapshot of committed state; it may run alongside writes. */
    <T> T readReleases(Function<ReleaseReads, T> unit);
}
