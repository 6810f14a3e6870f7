package dev.primary.protocol.message;

/** The rule for a client's nudge port on the wire: absent means 0, none. */
final class NudgePorts {
    private NudgePorts() {}

    static Integer check(Integer port) {
        int value = port == null ? 0 : port;
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("nudgePort must be 0 (none) or 1-65535, got " + value);
        }
        return value;
    }
}
