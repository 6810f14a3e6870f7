package dev.primary.protocol.admin;

import java.util.Objects;

/**
 * How many computers report one Recorder version.
 *
 * @param version as Manage Computers shows it, e.g. {@code V 1.2 (0345)}; {@code V 0.0 (0000)} for computers whose
 *     Recorder never ran (never licensed, or not reported)
 * @param computers how many computers report it
 */
public record RecorderVersionCount(String version, long computers) {
    public RecorderVersionCount {
        Objects.requireNonNull(version, "version");
    }
}
