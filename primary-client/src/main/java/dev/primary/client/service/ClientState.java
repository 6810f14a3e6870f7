package dev.primary.client.service;

import java.util.Arrays;
import java.util.Locale;

/** Where a Client Service stands with its Primary Server. */
public enum ClientState {
    /** Holds no lease and has not been told to wait: registering. */
    UNLICENSED,
    /** The server has no free seat; the client is queued for the next one. */
    WAITING,
    /** Holds a valid lease; the Recorder runs. */
    LICENSED,
    /** Holds a valid lease but has not reached the server for longer than {@code degradedAfter}; still recording. */
    DEGRADED,
    /** Its lease expired before it could be renewed; the Recorder is stopped and the client registers again. */
    EXPIRED,
    /** An administrator revoked it; the Recorder is stopped and the lease deleted. */
    REVOKED,
    /**
     * Holds no lease and the server refuses to register it: its enrollment token is missing or refused, another client
     * holds its computer, or it asked too often. The Recorder does not run; the client asks again every retry interval.
     */
    REFUSED;

    /** The lower-case name used in {@code state.json} and in reports: {@code licensed}, {@code waiting}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClientState fromWireName(String name) {
        return Arrays.stream(values())
                .filter(state -> state.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown client state \"" + name + "\" (known: "
                        + Arrays.stream(values()).map(ClientState::wireName).toList() + ")"));
    }

    /** Whether the client holds a valid lease in this state. */
    public boolean holdsLease() {
        return this == LICENSED || this == DEGRADED;
    }
}
