package dev.primary.protocol.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product version: {@code major.minor} and a build number of at most four digits, shown as
 * {@code V 1.2 (0345)} in Manage Computers. {@link #NONE} ({@code V 0.0 (0000)}) is what a
 * computer shows while its Recorder is not running.
 */
public record Version(int major, int minor, int build) implements Comparable<Version> {
    public static final Version NONE = new Version(0, 0, 0);

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,5})\\.(\\d{1,5})\\.(\\d{1,4})");
    private static final Pattern DISPLAY = Pattern.compile("(?:V\\s*)?(\\d{1,5})\\.(\\d{1,5})\\s*\\((\\d{1,4})\\)");

    public Version {
        if (major < 0 || minor < 0 || build < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative");
        }
        if (build > 9999) {
            throw new IllegalArgumentException("build number has at most 4 digits, got " + build);
        }
    }

    /** Parses {@code 1.2.345}, {@code 1.2 (0345)} or {@code V 1.2 (0345)}. */
    public static Version parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher dotted = DOTTED.matcher(trimmed);
        Matcher display = DISPLAY.matcher(trimmed);
        Matcher match = dotted.matches() ? dotted : display.matches() ? display : null;
        if (match == null) {
            throw new IllegalArgumentException(
                    "version must look like 1.2.345 or V 1.2 (0345), got \"" + trimmed + "\"");
        }
        return new Version(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)),
                Integer.parseInt(match.group(3)));
    }

    /** The Manage Computers form: {@code V 1.2 (0345)}. */
    public String display() {
        return String.format("V %d.%d (%04d)", major, minor, build);
    }

    /** The dotted form: {@code 1.2.345}. */
    public String dotted() {
        return major + "." + minor + "." + build;
    }

    @Override
    public int compareTo(Version other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(build, other.build);
    }

    @Override
    public String toString() {
        return display();
    }
}
