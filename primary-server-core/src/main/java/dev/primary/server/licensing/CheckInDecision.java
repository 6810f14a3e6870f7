package dev.primary.server.licensing;

import dev.primary.protocol.message.LeasePayload;
import dev.primary.server.computer.Computer;

/**
 * What a check-in decided, inside the store write, about {@link #computer()} (as saved); turned into a
 * {@link dev.primary.protocol.message.CheckInAnswer} after it.
 */
sealed interface CheckInDecision {

    Computer computer();

    /** A lease to sign and hand out. */
    record Lease(Computer computer, LeasePayload terms, long verifyAfterSeconds) implements CheckInDecision {
    }

    /**
     * The client keeps lease {@code leaseId}, which it holds: not yet past its renew time, and nothing in it changed
     * (seat, holder, expiry). Nothing is signed.
     */
    record LeaseKept(Computer computer, String leaseId, long verifyAfterSeconds) implements CheckInDecision {
    }

    /** Queued for a seat; its place and the reason are worded after the write, from a read. */
    record Waiting(Computer computer) implements CheckInDecision {
    }

    /** A claim to a computer another client key holds, recorded as {@code computer} (a conflict); no seat. */
    record Conflict(Computer computer, String reason) implements CheckInDecision {
    }

    /** Refused until an administrator reinstates it. */
    record Revoked(Computer computer, String reason) implements CheckInDecision {
    }
}
