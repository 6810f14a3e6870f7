package dev.primary.protocol.release;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a release updates: the Recorder, or the Client Service itself. */
public enum Product {
    RECORDER, CLIENT_SERVICE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Product fromWire(String name) {
        return Arrays.stream(values())
                .filter(product -> product.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "product must be recorder or client-service, got \"" + name + "\""));
    }
}
