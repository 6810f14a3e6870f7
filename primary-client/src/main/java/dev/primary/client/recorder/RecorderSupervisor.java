package dev.primary.client.recorder;

import dev.primary.client.service.Phrases;
import dev.primary.client.service.Recorder;
import dev.primary.client.service.RecorderExit;
import dev.primary.client.service.RecorderProgram;
import dev.primary.client.service.Scheduler;
import dev.primary.protocol.message.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Recorder program ({@code client.json} {@code recorder.command}, or an installed release) while the
 * client is licensed: its output goes to {@code recorder.out}; an unexpected exit is logged, announced to the
 * exit listeners and the program restarted after a back-off (1 s doubling to 5 min); stopping asks it to end
 * (SIGTERM), waits up to 10 s, then kills it. {@link #switchTo} replaces the program (an update or a roll-back).
 */
public final class RecorderSupervisor implements Recorder {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderSupervisor.class);

    private final Path workingDirectory;
    private final Path output;
    private final Scheduler scheduler;
    private final Timing timing;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RecorderExit>> exitListeners = new CopyOnWriteArrayList<>();

    private RecorderProgram program;
    private boolean wanted;
    private Process process;
    private long startedAtNanos;
    private Duration restartDelay;
    private Scheduler.Task pendingRestart;
    private final RecorderPidFile pidFile;
    private boolean orphanChecked;

    /**
     * @param firstRestartDelay wait before the first restart after an unexpected exit
     * @param maxRestartDelay the longest wait between restarts (the wait doubles up to it)
     * @param stopTimeout how long a stopping Recorder may take before it is killed
     * @param stableAfter a Recorder that ran this long before exiting is restarted after the first delay again
     */
    public record Timing(Duration firstRestartDelay, Duration maxRestartDelay, Duration stopTimeout, Duration stableAfter) {
        public static final Timing DEFAULTS = new Timing(Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofMinutes(1));

        public Timing {
            Objects.requireNonNull(firstRestartDelay, "firstRestartDelay");
            Objects.requireNonNull(maxRestartDelay, "maxRestartDelay");
            Objects.requireNonNull(stopTimeout, "stopTimeout");
            Objects.requireNonNull(stableAfter, "stableAfter");
        }
    }

    public RecorderSupervisor(List<String> command, Version version, Path workingDirectory, Path output,
            Scheduler scheduler, Timing timing) {
        this(new RecorderProgram(command, version), workingDirectory, output, scheduler, timing);
    }

    public RecorderSupervisor(RecorderProgram program, Path workingDirectory, Path output, Scheduler scheduler,
            Timing timing) {
        this.program = Objects.requireNonNull(program, "program");
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.output = Objects.requireNonNull(output, "output");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.restartDelay = timing.firstRestartDelay();
        this.pidFile = new RecorderPidFile(workingDirectory.resolve("recorder.pid"));
    }

    @Override
    public synchronized void start() {
        wanted = true;
        if (process == null && pendingRestart == null) {
            launch();
        }
    }

    @Override
    public void stop() {
        Process stopping;
        synchronized (this) {
            wanted = false;
            if (pendingRestart != null) {
                pendingRestart.cancel();
                pendingRestart = null;
            }
            restartDelay = timing.firstRestartDelay();
            stopping = process;
            process = null;
        }
        if (stopping != null) {
            terminate(stopping);
            notifyListeners();
        }
    }

    @Override
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized RecorderProgram program() {
        return program;
    }

    @Override
    public Version version() {
        return program().version();
    }

    @Override
    public void switchTo(RecorderProgram next) {
        Objects.requireNonNull(next, "next");
        Process stopping;
        synchronized (this) {
            LOG.info("Recorder switches from {} to {}", program.version().display(), next.version().display());
            program = next;
            if (pendingRestart != null) {
                pendingRestart.cancel();
                pendingRestart = null;
            }
            restartDelay = timing.firstRestartDelay();
            stopping = process;
            process = null;
        }
        if (stopping != null) {
            terminate(stopping);
        }
        synchronized (this) {
            if (wanted && process == null && pendingRestart == null) {
                launch();
            }
        }
        if (stopping != null) {
            notifyListeners();
        }
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onExit(Consumer<RecorderExit> listener) {
        exitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void launch() {
        List<String> command = program.command();
        Version version = program.version();
        try {
            Files.createDirectories(workingDirectory);
            if (!orphanChecked) {
                orphanChecked = true;
                pidFile.stopOrphan(timing.stopTimeout());
            }
            Process started = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            started.getOutputStream().close();
            process = started;
            pidFile.remember(started);
            startedAtNanos = System.nanoTime();
            LOG.info("Recorder {} started (pid {}): {}", version.display(), started.pid(), command);
            started.onExit().thenAccept(exited -> scheduler.schedule(Duration.ZERO, () -> exited(exited)));
            notifyListeners();
        } catch (IOException e) {
            Duration delay = nextRestartDelay(false);
            LOG.warn("Recorder {} cannot be started ({}): {}; trying again in {}", version.display(), command.get(0),
                    e.getMessage(), Phrases.duration(delay));
            scheduleRestart(delay);
            RecorderExit failure = RecorderExit.notStarted(version, e.getMessage());
            scheduler.schedule(Duration.ZERO, () -> exitListeners.forEach(listener -> listener.accept(failure)));
        }
    }

    private void exited(Process exited) {
        RecorderExit unexpected = null;
        synchronized (this) {
            if (exited != process) {
                return;
            }
            process = null;
            pidFile.forget();
            if (wanted) {
                Duration ran = Duration.ofNanos(System.nanoTime() - startedAtNanos);
                Duration delay = nextRestartDelay(ran.compareTo(timing.stableAfter()) >= 0);
                LOG.warn("Recorder {} exited unexpectedly with code {} after {}; restarting it in {}",
                        program.version().display(), exited.exitValue(), Phrases.duration(ran), Phrases.duration(delay));
                scheduleRestart(delay);
                unexpected = RecorderExit.exited(program.version(), exited.exitValue(), ran);
            }
        }
        notifyListeners();
        if (unexpected != null) {
            RecorderExit exit = unexpected;
            exitListeners.forEach(listener -> listener.accept(exit));
        }
    }

    private Duration nextRestartDelay(boolean ranStably) {
        if (ranStably) {
            restartDelay = timing.firstRestartDelay();
        }
        Duration delay = restartDelay;
        Duration doubled = restartDelay.multipliedBy(2);
        restartDelay = doubled.compareTo(timing.maxRestartDelay()) > 0 ? timing.maxRestartDelay() : doubled;
        return delay;
    }

    private void scheduleRestart(Duration delay) {
        pendingRestart = scheduler.schedule(delay, this::restart);
    }

    private synchronized void restart() {
        pendingRestart = null;
        if (wanted && process == null) {
            launch();
        }
    }

    private void terminate(Process stopping) {
        List<ProcessHandle> descendants = stopping.descendants().toList();
        stopping.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!stopping.waitFor(timing.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Recorder (pid {}) did not stop within {}: killing it", stopping.pid(),
                        Phrases.duration(timing.stopTimeout()));
                stopping.destroyForcibly();
                stopping.waitFor(5, TimeUnit.SECONDS);
            }
            LOG.info("Recorder stopped (pid {}, exit code {})", stopping.pid(),
                    stopping.isAlive() ? "unknown" : stopping.exitValue());
        } catch (InterruptedException e) {
            stopping.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        pidFile.forget();
    }

    private void notifyListeners() {
        listeners.forEach(Runnable::run);
    }
}
