package dev.primary.bench.harness;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a static-file request asks for: {@code bytes=a-} or {@code bytes=a-b} (last byte inclusive,
 * clipped to the file). No header, or another unit, means the whole file.
 *
 * @param first the first byte's position
 * @param last the last byte's position (inclusive)
 */
record SingleRange(long first, long last) {
    private static final Pattern SPAN = Pattern.compile("bytes=(\\d{1,18})-(\\d{0,18})", Pattern.CASE_INSENSITIVE);

    SingleRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a byte range: " + first + "-" + last);
        }
    }

    /**
     * The range {@code header} selects from a file of {@code size} bytes; empty for the whole file.
     *
     * @throws IllegalArgumentException when the range is malformed, not a single span, or selects nothing
     */
    static Optional<SingleRange> of(String header, long size) {
        if (header == null || !header.strip().toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return Optional.empty();
        }
        Matcher span = SPAN.matcher(header.strip());
        if (!span.matches()) {
            throw new IllegalArgumentException("only a single bytes=a- or bytes=a-b range is served, got " + header);
        }
        long first = Long.parseLong(span.group(1));
        long last = span.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(span.group(2)), size - 1);
        if (first >= size || last < first) {
            throw new IllegalArgumentException("range " + header + " selects nothing of " + size + " bytes");
        }
        return Optional.of(new SingleRange(first, last));
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
