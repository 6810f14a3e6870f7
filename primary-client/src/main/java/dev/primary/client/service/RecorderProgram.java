package dev.primary.client.service;

import dev.primary.protocol.message.Version;
import java.util.List;
import java.util.Objects;

/**
 * What runs as the Recorder: its command line and the version it is (reported to the server while it runs).
 *
 * @param command the program and its arguments
 * @param version the Recorder's version
 */
public record RecorderProgram(List<String> command, Version version) {
    public RecorderProgram {
        command = List.copyOf(command);
        Objects.requireNonNull(version, "version");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("recorder command cannot be empty");
        }
    }
}
