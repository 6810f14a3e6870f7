package dev.primary.protocol.release;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where one computer stands with one update, as Manage Computers shows it. */
public enum UpdateState {
    /** Assigned; the client has not started on it yet. */
    PENDING,
    /** The client is downloading the package. */
    DOWNLOADING,
    /** Installed and healthy. */
    INSTALLED,
    /** Refused or rolled back; the reason says why. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static UpdateState fromWire(String name) {
        return Arrays.stream(values())
                .filter(state -> state.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown update state \"" + name + "\""));
    }
}
