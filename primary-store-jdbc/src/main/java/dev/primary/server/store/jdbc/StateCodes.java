package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.ComputerState;

/**
 * How computer states are stored: small integers in Manage Computers' state order, so sorting by
 * state is sorting by an indexed column. EXPIRED (1) is never stored: it is LICENSED with a lease
 * that ran out.
 */
public final class StateCodes {
    public static final int LICENSED = 0;
    public static final int WAITING = 2;
    public static final int RESERVED = 3;
    public static final int CONFLICT = 7;

    private StateCodes() {}

    public static int code(ComputerState state) {
        return switch (state) {
            case LICENSED -> LICENSED;
            case EXPIRED -> throw new IllegalArgumentException("EXPIRED is derived, never stored");
            case WAITING -> WAITING;
            case RESERVED -> RESERVED;
            case REVOKED -> 4;
            case RELEASED -> 5;
            case RECLAIMED -> 6;
            case CONFLICT -> CONFLICT;
        };
    }

    public static ComputerState state(int code) {
        return switch (code) {
            case LICENSED -> ComputerState.LICENSED;
            case WAITING -> ComputerState.WAITING;
            case RESERVED -> ComputerState.RESERVED;
            case 4 -> ComputerState.REVOKED;
            case 5 -> ComputerState.RELEASED;
            case 6 -> ComputerState.RECLAIMED;
            case CONFLICT -> ComputerState.CONFLICT;
            default -> throw new IllegalStateException("unknown stored computer state " + code);
        };
    }
}
