package dev.primary.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real program of ours running in its own JVM, started with the test's own class path: the
 * way integration tests run the Primary Server and Client Services as separate processes they
 * can stop gracefully (SIGTERM) or kill (SIGKILL, like {@code kill -9}).
 */
public final class JavaProcess implements AutoCloseable {
    /**
     * How long a stop or a kill may take before the test fails. It bounds a failure only (the wait ends when the
     * process does): on a loaded machine a clean stop that takes a second when idle can take many.
     */
    private static final Duration EXIT_PATIENCE = Duration.ofMinutes(1);

    private final String name;
    private final Process process;
    private final Path outputFile;
    private final List<ProcessHandle> orphans = new java.util.concurrent.CopyOnWriteArrayList<>();

    private JavaProcess(String name, Process process, Path outputFile) {
        this.name = name;
        this.process = process;
        this.outputFile = outputFile;
    }

    /**
     * Starts {@code mainClass} with {@code args}; stdout and stderr go to {@code outputFile}.
     *
     * @param environment extra environment variables
     */
    public static JavaProcess start(String name, Path outputFile, Map<String, String> environment, String mainClass,
            List<String> args) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add(mainClass);
        command.addAll(args);
        return startCommand(name, outputFile, environment, command);
    }

    /**
     * Starts {@code command} as given (a launcher script of ours, say, which starts the JVM itself); stdout and stderr
     * go to {@code outputFile}. Stop, kill and close work as for a JVM started here, on the command and its children.
     */
    public static JavaProcess startCommand(String name, Path outputFile, Map<String, String> environment,
            List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(outputFile.toAbsolutePath().getParent());
            return new JavaProcess(name, builder.start(), outputFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The command and options that start a JVM with the test's own class path, as {@link #start} does. */
    public static List<String> javaCommandWithTestClassPath() {
        return javaCommand();
    }

    /** The processes this one started that still run (the JVM a launcher started, say). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    public static JavaProcess start(String name, Path outputFile, String mainClass, String... args) {
        return start(name, outputFile, Map.of(), mainClass, List.of(args));
    }

    /** Runs {@code mainClass} to its end and returns its exit code and output. */
    public static CommandResult run(Duration timeout, Map<String, String> environment, String mainClass, String... args) {
        return run(timeout, environment, new File("/dev/null"), mainClass, args);
    }

    /** As {@link #run(Duration, Map, String, String...)}, with standard input read from {@code input}. */
    public static CommandResult run(Duration timeout, Map<String, String> environment, File input, String mainClass,
            String... args) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile("primary-cmd", ".out");
            Path stderr = Files.createTempFile("primary-cmd", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(input));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(mainClass + " " + String.join(" ", args) + " did not end within " + timeout);
                }
                return new CommandResult(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs {@code mainClass} to its end; two minutes bound a hung program, not a slow start on a busy machine. */
    public static CommandResult run(String mainClass, String... args) {
        return run(Duration.ofMinutes(2), Map.of(), mainClass, args);
    }

    private static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the output contains {@code text}; fails with the output so far if it does not in time. */
    public void awaitOutput(String text, Duration timeout) {
        Eventually.within(timeout, () -> {
            if (!output().contains(text)) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited (" + process.exitValue() + ") before printing \"" + text
                            + "\"; its output:\n" + output());
                }
                throw new AssertionError(name + " has not printed \"" + text + "\" yet; its output:\n" + output());
            }
        });
    }

    /**
     * SIGKILL, like {@code kill -9}: no shutdown hook runs, and what the process started keeps running
     * (until {@link #close()}).
     */
    public void kill() {
        process.descendants().forEach(orphans::add);
        process.destroyForcibly();
        awaitExit(EXIT_PATIENCE);
    }

    /** SIGTERM, then waits for a clean exit; returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit(EXIT_PATIENCE);
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(name + " did not exit within " + timeout + "; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Ends the process and every process it started (a Recorder, say), so no test leaves one behind. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        orphans.forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
