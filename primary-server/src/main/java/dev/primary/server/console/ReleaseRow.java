package dev.primary.server.console;

import dev.primary.protocol.admin.ReleaseView;

/**
 * One release of the Releases page with its computers by update state over all its rollouts.
 *
 * @param release the release
 * @param counts the computers its rollouts gave it to, by update state
 */
public record ReleaseRow(ReleaseView release, UpdateCounts counts) {
    /** The package's size for people: {@code 12.4 MiB}. */
    public String size() {
        return bytes(release.size());
    }

    /** {@code 512 bytes}, {@code 12.4 MiB}, {@code 2.0 GiB}. */
    public static String bytes(long count) {
        if (count < 1024) {
            return count + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** The value a rollout form sends for it: {@code recorder 1.2.345}. */
    public String key() {
        return release.product().wireName() + " " + release.version().dotted();
    }
}
