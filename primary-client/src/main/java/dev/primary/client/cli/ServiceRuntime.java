package dev.primary.client.cli;

import dev.primary.client.ClientVersion;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.ClientHome;
import dev.primary.client.home.ClientKeyFile;
import dev.primary.client.home.LeaseFile;
import dev.primary.client.home.StateFile;
import dev.primary.client.http.HttpServerConnector;
import dev.primary.client.nudge.NudgeListener;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.service.ClientService;
import dev.primary.client.service.ExecutorScheduler;
import dev.primary.client.service.Jitter;
import dev.primary.client.service.NudgeSettings;
import dev.primary.client.service.RecorderProgram;
import dev.primary.client.service.ServiceParts;
import dev.primary.client.service.TimeSource;
import dev.primary.client.update.InstalledRecorder;
import dev.primary.client.update.UpdateAgent;
import dev.primary.protocol.crypto.SigningKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running Client Service: the real adapters (files, HTTPS, processes, one scheduler thread, one download
 * thread, the nudge listener) around {@link ClientService}.
 */
public final class ServiceRuntime {
    private final ExecutorScheduler scheduler;
    private final ExecutorService downloads;
    private final Optional<NudgeListener> nudges;
    private final ClientService service;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    /**
     * @param configCheckInterval how often the service looks whether {@code client.json} changed
     * @param recorderTiming restart back-off and stop timeout of the Recorder
     * @param logToFile whether to add {@code <home>/client-service.log} to the logging
     * @param updateTiming how soon an interrupted download resumes
     * @param nudgeInterval at most one nudge-triggered check-in per this interval
     */
    public record Options(Duration configCheckInterval, RecorderSupervisor.Timing recorderTiming, boolean logToFile,
            UpdateAgent.Timing updateTiming, Duration nudgeInterval) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), RecorderSupervisor.Timing.DEFAULTS, true);

        public Options(Duration configCheckInterval, RecorderSupervisor.Timing recorderTiming, boolean logToFile) {
            this(configCheckInterval, recorderTiming, logToFile, UpdateAgent.Timing.DEFAULTS,
                    NudgeSettings.DEFAULT_INTERVAL);
        }

        public Options {
            Objects.requireNonNull(configCheckInterval, "configCheckInterval");
            Objects.requireNonNull(recorderTiming, "recorderTiming");
            Objects.requireNonNull(updateTiming, "updateTiming");
            Objects.requireNonNull(nudgeInterval, "nudgeInterval");
        }
    }

    private ServiceRuntime(ExecutorScheduler scheduler, ExecutorService downloads, Optional<NudgeListener> nudges,
            ClientService service) {
        this.scheduler = scheduler;
        this.downloads = downloads;
        this.nudges = nudges;
        this.service = service;
    }

    /**
     * Starts the Client Service installed in {@code home}; returns once it has checked its lease (and started the
     * Recorder if valid). The Recorder is the installed release ({@code versions/recorder/current}), if any, else
     * the configured one.
     *
     * @throws dev.primary.client.config.ClientConfigurationException when {@code client.json} is missing or invalid
     */
    public static ServiceRuntime start(ClientHome home, ConfiguredSettings.Overrides overrides, Options options) {
        ConfiguredSettings settings = new ConfiguredSettings(ClientConfigurationFile.in(home.dir()), overrides);
        if (options.logToFile()) {
            LogFile.attach(home.logFile());
        }
        SigningKey clientKey = ClientKeyFile.loadOrCreate(home.keyFile());
        ExecutorScheduler scheduler = new ExecutorScheduler("client-service");
        ClientConfiguration.Recorder recorderConfig = settings.configuration().recorder();
        InstalledRecorder installed = new InstalledRecorder(home,
                new RecorderProgram(recorderConfig.command(), recorderConfig.version()),
                settings.current().updates().packageCommand());
        RecorderSupervisor recorder = new RecorderSupervisor(installed.current(), home.dir(), home.recorderOutput(),
                scheduler, options.recorderTiming());
        ExecutorService downloads = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "client-update-download");
            thread.setDaemon(true);
            return thread;
        });
        UpdateAgent updates = new UpdateAgent(home, recorder, installed, scheduler, downloads, ClientVersion.current(),
                options.updateTiming());
        AtomicReference<ClientService> nudgeTarget = new AtomicReference<>();
        Optional<NudgeListener> nudges = NudgeListener.open(settings.current().updates().nudgePort(), () -> {
            ClientService target = nudgeTarget.get();
            if (target != null) {
                target.nudged();
            }
        });
        ClientService service = new ClientService(new ServiceParts(settings, new HttpServerConnector(), recorder,
                new LeaseFile(home.leaseFile()), new StateFile(home.stateFile()), clientKey, TimeSource.system(), scheduler,
                Jitter.percent(5, new SplittableRandom()), options.configCheckInterval(), updates,
                new NudgeSettings(nudges.map(NudgeListener::port).orElse(0), options.nudgeInterval())));
        CompletableFuture<Void> started = new CompletableFuture<>();
        scheduler.schedule(Duration.ZERO, () -> {
            try {
                service.start();
                started.complete(null);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        try {
            started.join();
        } catch (CompletionException e) {
            nudges.ifPresent(NudgeListener::close);
            scheduler.close();
            downloads.shutdownNow();
            recorder.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        nudgeTarget.set(service);
        return new ServiceRuntime(scheduler, downloads, nudges, service);
    }

    /** Stops the nudge listener, the service thread and downloads, then the Recorder, and saves the state. Safe to call more than once. */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            nudges.ifPresent(NudgeListener::close);
            scheduler.close();
            service.stop();
            downloads.shutdownNow();
            awaitDownloadThread();
        } finally {
            stopped.countDown();
        }
    }

    /** The port the nudge listener listens on; 0 when there is none. */
    public int nudgePort() {
        return nudges.map(NudgeListener::port).orElse(0);
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void awaitDownloadThread() {
        try {
            downloads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
