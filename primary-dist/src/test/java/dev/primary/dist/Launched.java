package dev.primary.dist;

import dev.primary.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program of an unpacked installation started through its own launcher script (which runs plain {@code java}),
 * or a system tool run to its end; output goes to a file the test reads on failure. The process is the test kit's
 * {@link JavaProcess}, which stops, kills and closes the command and what it started.
 */
final class Launched {
    /** Bounds a hung tool only. */
    static final Duration TOOL_PATIENCE = Duration.ofMinutes(2);

    private Launched() {}

    static JavaProcess start(Path output, Map<String, String> environment, List<String> command) {
        return JavaProcess.startCommand(Path.of(command.get(0)).getFileName().toString(), output, environment, command);
    }

    /** Runs {@code command} to its end and returns its exit code. */
    static int run(Path output, Map<String, String> environment, List<String> command) {
        try (JavaProcess tool = start(output, environment, command)) {
            return tool.awaitExit(TOOL_PATIENCE);
        }
    }
}
