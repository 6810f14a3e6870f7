package dev.primary.client.cli;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.ClientHome;
import dev.primary.client.home.ClientKeyFile;
import dev.primary.client.home.LeaseFile;
import dev.primary.client.home.StateFile;
import dev.primary.client.http.HttpServerConnector;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.service.ClientService;
import dev.primary.client.service.ServiceParts;
import dev.primary.client.service.ExecutorScheduler;
import dev.primary.client.service.Jitter;
import dev.primary.client.service.TimeSource;
import dev.primary.protocol.crypto.SigningKey;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/** A running Client Service: the real adapters (files, HTTPS, processes, one scheduler thread) around {@link ClientService}. */
public final class ServiceRuntime {
    private final ExecutorScheduler scheduler;
    private final ClientService service;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;

    /**
     * @param configCheckInterval how often the service looks whether {@code client.json} changed
     * @param recorderTiming restart back-off and stop timeout of the Recorder
     * @param logToFile whether to add {@code <home>/client-service.log} to the logging
     */
    public record Options(Duration configCheckInterval, RecorderSupervisor.Timing recorderTiming, boolean logToFile) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), RecorderSupervisor.Timing.DEFAULTS, true);

        public Options {
            Objects.requireNonNull(configCheckInterval, "configCheckInterval");
            Objects.requireNonNull(recorderTiming, "recorderTiming");
        }
    }

    private ServiceRuntime(ExecutorScheduler scheduler, ClientService service) {
        this.scheduler = scheduler;
        this.service = service;
    }

    /**
     * Starts the Client Service installed in {@code home}; returns once it has checked its lease (and started the Recorder if valid).
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
        RecorderSupervisor recorder = new RecorderSupervisor(recorderConfig.command(), recorderConfig.version(),
                home.dir(), home.recorderOutput(), scheduler, options.recorderTiming());
        ClientService service = new ClientService(new ServiceParts(settings, new HttpServerConnector(), recorder,
                new LeaseFile(home.leaseFile()), new StateFile(home.stateFile()), clientKey, TimeSource.system(), scheduler,
                Jitter.percent(5, new SplittableRandom()), options.configCheckInterval()));
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
            scheduler.close();
            recorder.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new ServiceRuntime(scheduler, service);
    }

    /** Stops the service thread, then the Recorder, and saves the state. Safe to call more than once. */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            scheduler.close();
            service.stop();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }
}
