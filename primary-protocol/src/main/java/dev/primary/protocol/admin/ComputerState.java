package dev.primary.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a computer stands, as Manage Computers shows it. */
public enum ComputerState {
    /** Holds a seat and a lease that is still valid. */
    LICENSED,
    /** Holds a seat, but its lease ran out without a check-in (the seat is kept until reclaimed). */
    EXPIRED,
    /** Asked for a seat while none was free; gets the next one that frees up. */
    WAITING,
    /** An administrator reserved a seat for it; its client has not checked in yet. */
    RESERVED,
    /** An administrator revoked it: no seat, and refused until reinstated. */
    REVOKED,
    /** An administrator released its seat (decommissioned); it registers anew if it ever returns. */
    RELEASED,
    /** Its seat was reclaimed because it stayed silent too long; it registers anew if it returns. */
    RECLAIMED,
    /**
     * A client key claimed a computer that another key holds: recorded, never given a seat. An administrator
     * resolves it ({@code rekey} for a re-imaged computer, or removes it).
     */
    CONFLICT;

    /** Whether a computer in this state holds a seat (counts as Used in the License Summary). */
    public boolean holdsSeat() {
        return this == LICENSED || this == EXPIRED || this == RESERVED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ComputerState fromWire(String name) {
        return Arrays.stream(values())
                .filter(state -> state.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown computer state \"" + name + "\""));
    }
}
