package dev.primary.server.console;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.UpdateView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** How the console writes values for people: times in UTC to the minute, update states in a few words. */
public final class ConsoleText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PRECISELY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private ConsoleText() {}

    /** {@code 2026-12-06 14:03 UTC}, or a dash for none. */
    public static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    /** {@code 2026-12-06 14:03:27} (UTC), to the second (the audit trail), or a dash for none. */
    public static String whenPrecisely(Instant instant) {
        return instant == null ? "—" : PRECISELY.format(instant);
    }

    /** The ISO form, for a {@code <time datetime>} attribute; empty for none. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code RECORDER 1.2.0 → 1.3.0 downloading} per product; {@code up to date} or a dash. */
    public static String updates(List<UpdateView> updates) {
        if (updates.isEmpty()) {
            return "—";
        }
        return updates.stream().map(update -> update.installed().equals(update.target())
                        ? update.product() + " up to date"
                        : update.product() + " " + update.installed().display() + " → " + update.target().display()
                                + " " + update.state().toString().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("; "));
    }

    /** The link to a computer's page. */
    public static String link(ComputerView computer) {
        return "/console/computers/" + URLEncoder.encode(computer.computer().display(), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** The button label of a computer action ({@code verify-license} → {@code Verify}). */
    public static String actionLabel(String action) {
        return switch (action) {
            case "verify-license" -> "Verify";
            case "update-now" -> "Check in now";
            default -> Character.toUpperCase(action.charAt(0)) + action.substring(1);
        };
    }

    public static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
