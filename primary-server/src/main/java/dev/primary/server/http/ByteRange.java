package dev.primary.server.http;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from a {@code Range} header (RFC 9110 §14): {@code bytes=N-}, {@code bytes=N-M}
 * or {@code bytes=-S} (the last S bytes). A last position past the end, however large, is clamped to the file's last
 * byte, and a suffix longer than the file selects all of it (RFC 9110 §14.1.2). A header in another unit is ignored
 * (the whole file is sent, as the RFC requires); several ranges, a malformed one, or one whose first byte is past the
 * end is refused (416).
 *
 * @param first the first byte's position
 * @param last the last byte's position (inclusive)
 */
record ByteRange(long first, long last) {
    private static final Pattern BYTES = Pattern.compile("bytes=(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEC = Pattern.compile("(\\d*)-(\\d*)");

    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
        }
    }

    /**
     * The range a {@code Range} header selects from a file of {@code size} bytes; empty when there is no header
     * or it is in another unit (send the whole file).
     *
     * @throws RangeNotSatisfiableException when it selects nothing, is malformed, or asks for several ranges
     */
    static Optional<ByteRange> of(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Matcher bytes = BYTES.matcher(header.get().strip());
        if (!bytes.matches()) {
            return Optional.empty();
        }
        String spec = bytes.group(1).strip();
        if (spec.contains(",")) {
            throw new RangeNotSatisfiableException("only one range per request is served, got \"" + spec + "\"", size);
        }
        Matcher parts = SPEC.matcher(spec);
        if (!parts.matches() || parts.group(1).isEmpty() && parts.group(2).isEmpty()) {
            throw new RangeNotSatisfiableException("malformed Range \"" + header.get().strip()
                    + "\": expected bytes=N-, bytes=N-M or bytes=-N", size);
        }
        return Optional.of(parts.group(1).isEmpty() ? suffix(parts.group(2), size)
                : span(parts.group(1), parts.group(2), size));
    }

    private static ByteRange span(String firstText, String lastText, long size) {
        long first = atMost(firstText, size);
        if (first >= size) {
            throw new RangeNotSatisfiableException("Range starts at byte " + firstText + ", but the file has "
                    + size + " bytes", size);
        }
        long last = lastText.isEmpty() ? size - 1 : atMost(lastText, size);
        if (last < first) {
            throw new RangeNotSatisfiableException("Range ends (" + lastText + ") before it starts (" + first + ")",
                    size);
        }
        return new ByteRange(first, Math.min(last, size - 1));
    }

    private static ByteRange suffix(String lengthText, long size) {
        long length = atMost(lengthText, size);
        if (length == 0 || size == 0) {
            throw new RangeNotSatisfiableException("Range bytes=-" + lengthText + " selects no byte of a file of "
                    + size + " bytes", size);
        }
        return new ByteRange(size - length, size - 1);
    }

    /** The decimal {@code digits}, or {@code size} when they are larger (as far as a range is concerned, the same). */
    private static long atMost(String digits, long size) {
        try {
            return Math.min(Long.parseLong(digits), size);
        } catch (NumberFormatException e) {
            return size;
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of a 206 answer: {@code bytes 100-199/1000}. */
    String contentRange(long size) {
        return String.format(Locale.ROOT, "bytes %d-%d/%d", first, last, size);
    }
}
