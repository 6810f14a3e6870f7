package dev.primary.server.enrollment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as refusals word them, the way the licensing core words times: {@code at 2026-12-05 10:00 UTC}. */
final class Instants {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Instants() {}

    static String words(Instant instant) {
        return "at " + TIME.format(instant);
    }
}
