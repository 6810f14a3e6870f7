package dev.primary.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program of an unpacked installation started through its own launcher script (which runs plain {@code java}),
 * or a system tool run to its end. Output goes to a file the test reads on failure.
 */
final class Launched implements AutoCloseable {
    private final Process process;
    private final Path output;

    private Launched(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static Launched start(Path output, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            return new Launched(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs {@code command} to its end (two minutes bound a hung tool) and returns its exit code. */
    static int run(Path output, Map<String, String> environment, List<String> command) {
        try (Launched tool = start(output, environment, command)) {
            return tool.awaitExit(2);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as systemd stops a unit; returns the exit code. */
    int stop() {
        process.destroy();
        return awaitExit(1);
    }

    int awaitExit(int minutes) {
        try {
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                throw new AssertionError("did not exit within " + minutes + " min; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
