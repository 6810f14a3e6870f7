package dev.primary.bench.fleet.suite;

/** The parts of the suite, in the order it runs them (each may be skipped). */
public enum SuitePart {
    /** The hello-world ceilings: reuse (before the reuse part), fresh full and resumed (before the fresh part). */
    HELLO,
    /** Cold start and steady check-ins with connection reuse. */
    REUSE,
    /** Cold start and steady check-ins on fresh connections (full and resumed handshakes). */
    FRESH,
    /** The update wave and its static-file ceiling. */
    UPDATE_WAVE,
    /** Outage recovery (it restarts the server). */
    OUTAGE,
    /** The Client Service's idle footprint, licensed by the managed server. */
    CLIENT_IDLE,
    /** A server of its own whose store holds a large fleet: memory and Manage Computers' first pages. */
    LARGE_FLEET
}
