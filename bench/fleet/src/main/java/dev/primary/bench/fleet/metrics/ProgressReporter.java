package dev.primary.bench.fleet.metrics;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints one progress line per second while a phase runs: elapsed time, done of total, the rate over the last
 * second, and errors by kind. On its own daemon thread, which sleeps between lines.
 */
public final class ProgressReporter implements AutoCloseable {
    private final String label;
    private final PhaseMetrics metrics;
    private final long total;
    private final PrintWriter out;
    private final ScheduledExecutorService timer;
    private long lastDone;
    private long lastNanos;

    private ProgressReporter(String label, PhaseMetrics metrics, long total, PrintWriter out) {
        this.label = label;
        this.metrics = metrics;
        this.total = total;
        this.out = out;
        this.lastNanos = System.nanoTime();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleet-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts printing to {@code out} (stderr, usually) once per second.
     *
     * @param total operations the phase will do, or -1 when it runs for a time or until a condition
     */
    public static ProgressReporter start(String label, PhaseMetrics metrics, long total, PrintWriter out) {
        ProgressReporter reporter = new ProgressReporter(Objects.requireNonNull(label), Objects.requireNonNull(metrics),
                total, Objects.requireNonNull(out));
        reporter.timer.scheduleAtFixedRate(reporter::print, 1, 1, TimeUnit.SECONDS);
        return reporter;
    }

    private void print() {
        long now = System.nanoTime();
        long done = metrics.operations();
        double rate = (done - lastDone) / ((now - lastNanos) / 1e9);
        lastDone = done;
        lastNanos = now;
        out.println(line(label, metrics.elapsedSeconds(), done, total, rate, metrics.snapshotErrors()));
        out.flush();
    }

    /** One progress line, e.g. {@code steady  12.0 s  45,000/100,000  3,751/s  errors 2 (http-503 2)}. */
    static String line(String label, double seconds, long done, long total, double rate, Map<String, Long> errors) {
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        String errorText = errorCount == 0 ? "errors 0" : "errors " + String.format(Locale.ROOT, "%,d", errorCount)
                + " (" + errors.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", ")) + ")";
        String doneText = total >= 0 ? String.format(Locale.ROOT, "%,d/%,d", done, total)
                : String.format(Locale.ROOT, "%,d", done);
        return String.format(Locale.ROOT, "%s  %6.1f s  %s  %,.0f/s  %s", label, seconds, doneText, rate, errorText);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
