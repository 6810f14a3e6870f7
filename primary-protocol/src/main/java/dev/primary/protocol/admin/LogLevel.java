package dev.primary.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much a Primary program logs, named as the product we follow names its levels. Each program maps a level to
 * its loggers (docs/configuration.md, "Log levels").
 */
public enum LogLevel {
    /** Warnings and errors, plus the few lines an operator must see (start, stop, a change of the log level). */
    LOW,
    /** What happens: start, stop, licenses, releases, rollouts, reclaimed seats; warnings and errors. */
    NORMAL,
    /** Everything Primary's own code says, refused requests included; libraries stay at their normal lines. */
    DEBUG;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code name} ({@code low}, {@code normal} or {@code debug}; any case, spaces ignored). */
    @JsonCreator
    public static LogLevel fromWire(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(level -> level.wireName().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "log level must be " + allowed() + ", got \"" + name + "\""));
    }

    /** The names, for messages: {@code low, normal or debug}. */
    public static String allowed() {
        String all = Arrays.stream(values()).map(LogLevel::wireName).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
