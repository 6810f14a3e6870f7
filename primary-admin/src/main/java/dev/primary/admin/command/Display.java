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

    static String list(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    /** One {@code Label:  value} line, labels aligned. */
    static void field(PrintWriter out, String label, String value) {
        out.printf("%-19s %s%n", label + ":", value);
    }
}
