package dev.primary.bench.fleet.scenario;

/** Hands lanes their work, one exchange at a time; called on the lanes' event-loop threads. */
public interface Workload {
    /** The next exchange for lane {@code laneIndex}, or null when that lane is done. */
    Work next(int laneIndex);
}
