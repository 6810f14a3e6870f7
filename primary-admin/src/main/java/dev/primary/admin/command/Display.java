package dev.primary.admin.command;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How values read in text output: times in UTC to the second, absent values as a dash. */
final class Display {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Display() {}

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String text(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** A size for people: {@code 512 B}, {@code 12.3 KiB}, {@code 1.5 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** The first line of a text, cut to {@code max} characters with an ellipsis. */
    static String firstLine(String text, int max) {
        if (text == null || text.isBlank()) {
            return "-";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    static String list(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    /** One {@code Label:  value} line, labels aligned; control characters in the value escaped. */
    static void field(PrintWriter out, String label, String value) {
        out.printf("%-19s %s%n", label + ":", TerminalText.escape(value));
    }
}
