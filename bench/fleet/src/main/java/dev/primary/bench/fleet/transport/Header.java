package dev.primary.bench.fleet.transport;

import java.util.Objects;

/**
 * One request header.
 *
 * @param name the header's name, e.g. {@code Primary-Client-Id}
 * @param value its value; no line breaks
 */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || containsLineBreak(name) || containsLineBreak(value)) {
            throw new IllegalArgumentException("a header name must be non-empty and neither name nor value may "
                    + "contain a line break: " + name);
        }
    }

    private static boolean containsLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }
}
