package dev.primary.client.service;

import java.time.Duration;

/** Lets at most one nudge per interval through to a check-in; the others change nothing. On monotonic time. */
final class NudgeGate {
    private final Duration interval;
    private Long lastAdmitted;

    NudgeGate(Duration interval) {
        this.interval = interval;
    }

    /** Whether a nudge at {@code nanoTime} may trigger a check-in; if so, it counts as the last one admitted. */
    boolean admit(long nanoTime) {
        if (lastAdmitted != null && nanoTime - lastAdmitted < interval.toNanos()) {
            return false;
        }
        lastAdmitted = nanoTime;
        return true;
    }

    Duration interval() {
        return interval;
    }
}
