package dev.primary.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes the way people type them: {@code 65536}, {@code 64KiB}, {@code 64k}, {@code 1MiB}. */
final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d{1,10})\\s*(b|k|kb|kib|m|mb|mib)?");

    private ByteSize() {}

    static long parse(String text) {
        Matcher match = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new IllegalArgumentException("must be a size like 65536, 64KiB or 1MiB, got \"" + text + "\"");
        }
        long amount = Long.parseLong(match.group(1));
        String unit = match.group(2) == null ? "b" : match.group(2);
        return switch (unit.charAt(0)) {
            case 'k' -> amount * 1024;
            case 'm' -> amount * 1024 * 1024;
            default -> amount;
        };
    }

    static String format(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return Long.toString(bytes);
    }
}
