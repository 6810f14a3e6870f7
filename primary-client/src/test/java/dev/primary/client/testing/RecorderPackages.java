package dev.primary.client.testing;

import dev.primary.client.recorder.SampleRecorder;
import dev.primary.protocol.message.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Recorder release packages as small shell scripts: one that runs the Sample Recorder, one that exits at once. */
public final class RecorderPackages {
    private RecorderPackages() {}

    /** A package running the Sample Recorder, logging to {@code <home>/recorder-<version>.log}. */
    public static byte[] sampleRecorder(Path home, Version version) {
        return script(JavaCommand.of(SampleRecorder.class, "--log", logOf(home, version).toString(), "--interval", "100ms")
                .stream().map(RecorderPackages::quoted).collect(Collectors.joining(" ", "exec ", "\n")));
    }

    /** The same, padded with comment lines to at least {@code size} bytes (the shell never reads past {@code exec}). */
    public static byte[] sampleRecorderOfSize(Path home, Version version, int size) {
        StringBuilder script = new StringBuilder(new String(sampleRecorder(home, version), StandardCharsets.UTF_8));
        while (script.length() < size) {
            script.append("# padding to make a package worth resuming .............................................\n");
        }
        return script.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A package whose Recorder exits at once with code 3. */
    public static byte[] exitingAtOnce() {
        return script("echo 'this recorder cannot start' >&2\nexit 3\n");
    }

    public static Path logOf(Path home, Version version) {
        return home.resolve("recorder-" + version.dotted() + ".log");
    }

    private static byte[] script(String body) {
        return ("#!/bin/sh\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
