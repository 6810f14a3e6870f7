package dev.primary.client.recorder;

import dev.primary.protocol.time.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * A stand-in Recorder for demos and tests: appends {@code <ISO time> recording} to a log file at
 * an interval, and {@code <ISO time> stopped} when asked to end (SIGTERM).
 *
 * <pre>java -cp ... dev.primary.client.recorder.SampleRecorder --log FILE [--interval 1s]</pre>
 */
public final class SampleRecorder {
    static final int USAGE_ERROR = 2;
    private static final String USAGE = "usage: sample-recorder --log FILE [--interval DURATION]";

    private final Path log;
    private final Duration interval;
    private boolean stopped;

    SampleRecorder(Path log, Duration interval) {
        this.log = log;
        this.interval = interval;
    }

    public static void main(String[] args) {
        SampleRecorder recorder;
        try {
            recorder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sample-recorder: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        recorder.run(System.err);
    }

    static SampleRecorder parse(String[] args) {
        Path log = null;
        Duration interval = Duration.ofSeconds(1);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--log") && !option.equals("--interval")) {
                throw new IllegalArgumentException("unknown option \"" + option + "\"; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            if (option.equals("--log")) {
                log = Path.of(value);
            } else {
                interval = Durations.parse(value);
                if (interval.isZero()) {
                    throw new IllegalArgumentException("--interval must be positive");
                }
            }
        }
        if (log == null) {
            throw new IllegalArgumentException("--log FILE is required; " + USAGE);
        }
        return new SampleRecorder(log, interval);
    }

    void run(PrintStream errors) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "sample-recorder-stop"));
        try {
            while (true) {
                record();
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            errors.println("sample-recorder: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One "recording" line, unless the shutdown hook ran: the main thread runs on while the hooks do. */
    private synchronized void record() {
        if (!stopped) {
            append("recording");
        }
    }

    /** The last line: "stopped". */
    private synchronized void stop() {
        stopped = true;
        append("stopped");
    }

    private void append(String what) {
        try {
            Files.writeString(log, Instant.now() + " " + what + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log + ": " + e.getMessage(), e);
        }
    }
}
