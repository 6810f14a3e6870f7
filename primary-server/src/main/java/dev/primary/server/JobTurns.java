package dev.primary.server;

import java.time.Duration;

/**
 * Whose turn a periodic job is. A single server always runs its jobs; servers of a fleet ask the shared database
 * ({@code PostgresFleet#takeTurn}), so a job runs once per period in the whole fleet, not once per server.
 */
@FunctionalInterface
interface JobTurns {
    /** A single server: every job is always its own. */
    JobTurns ALONE = (job, period) -> true;

    /** Whether this server runs {@code job} now; when it does, the run is recorded before it starts. */
    boolean mine(String job, Duration period);
}
