package dev.primary.server.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes the way people type them: {@code 65536}, {@code 64KiB}, {@code 64k}, {@code 1MiB}, {@code 2GiB}. */
final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d{1,10})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private ByteSize() {}

    static long parse(String text) {
        Matcher match = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            throw new IllegalArgumentException("must be a size like 65536, 64KiB, 1MiB or 2GiB, got \"" + text + "\"");
        }
        long amount = Long.parseLong(match.group(1));
        String unit = match.group(2) == null ? "b" : match.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024;
            case 'm' -> 1024 * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1;
        };
        try {
            return Math.multiplyExact(amount, factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large, got \"" + text + "\"", e);
        }
    }

    static String format(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024 * 1024) + "GiB";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return Long.toString(bytes);
    }
}
