package dev.primary.bench.fleet.report;

import java.util.Locale;

/** How numbers are shown in tables: rates with thousands separators, bytes in MiB, fractions in percent. */
final class Figures {
    private static final double MIB = 1024.0 * 1024.0;

    private Figures() {}

    static String rate(double perSecond, boolean bytes) {
        return bytes ? String.format(Locale.ROOT, "%,.1f MiB/s", perSecond / MIB)
                : String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f", bytes / MIB);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
