package dev.primary.client.cli;

import dev.primary.client.ClientVersion;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.config.ConfigurationWatch;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.CheckInKeyFile;
import dev.primary.client.home.ClientHome;
import dev.primary.client.home.ClientKeyFile;
import dev.primary.client.home.HomeInUseException;
import dev.primary.client.home.LeaseFile;
import dev.primary.client.home.ServiceLock;
import dev.primary.client.home.StateFile;
import dev.primary.client.home.StrictModes;
import dev.primary.client.home.UnsafeHomeException;
import dev.primary.client.http.HttpServerConnector;
import dev.primary.client.config.IpAddresses;
import dev.primary.client.nudge.NudgeListener;
import dev.primary.client.nudge.NudgeSources;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.service.ClientService;
import dev.primary.client.service.ClientStatus;
import dev.primary.client.service.ExecutorScheduler;
import dev.primary.client.service.Jitter;
import dev.primary.client.service.NudgeSettings;
import dev.primary.client.service.RecorderProgram;
import dev.primary.client.service.ServiceParts;
import dev.primary.client.service.ServiceSettings;
import dev.primary.client.service.SettingsSource;
import dev.primary.client.service.TimeSource;
import dev.primary.client.update.InstalledRecorder;
import dev.primary.client.update.ServiceRestart;
import dev.primary.client.update.UpdateAgent;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import javax.net.ssl.HttpsURLConnection;

/**
 * A running Client Service: the real adapters (files, HTTPS, processes, one scheduler thread, one download
 * thread, the nudge listener, the watch on {@code client.json}) around {@link ClientService}.
 * <p>
 * Between check-ins it holds no timer shorter than the configuration's periodic check (a minute by default), so
 * an idle service costs next to no CPU: a nudge, a replaced {@code client.json} or the Recorder's exit wakes it.
 * Once the first contact is over it collects the start-up garbage with a full GC, so that the heap shrinks to what
 * it keeps.
 */
public final class ServiceRuntime {
    private final ExecutorScheduler scheduler;
    private final ExecutorService downloads;
    private final Optional<NudgeListener> nudges;
    private final Optional<ConfigurationWatch> configWatch;
    private final ClientService service;
    private final ServiceLock lock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Restart restart;
    private boolean stopping;

    /**
     * @param configCheckInterval how often the service looks whether {@code client.json} changed, besides the watch
     *     that tells it at once when the file is replaced
     * @param recorderTiming restart back-off and stop timeout of the Recorder
     * @param logToFile whether to add {@code <home>/client-service.log} to the logging
     * @param updateTiming how soon an interrupted download resumes
     * @param nudgeInterval at most one nudge-triggered check-in per this interval
     * @param restartable whether a launcher starts the service again when it exits with
     *     {@link ServiceRestart#EXIT_CODE}, so that it can restart into a new Client Service version
     */
    public record Options(Duration configCheckInterval, RecorderSupervisor.Timing recorderTiming, boolean logToFile,
            UpdateAgent.Timing updateTiming, Duration nudgeInterval, boolean restartable) {
        public static final Options DEFAULTS = new Options(Duration.ofMinutes(1), RecorderSupervisor.Timing.DEFAULTS, true);

        public Options(Duration configCheckInterval, RecorderSupervisor.Timing recorderTiming, boolean logToFile) {
            this(configCheckInterval, recorderTiming, logToFile, UpdateAgent.Timing.DEFAULTS,
                    NudgeSettings.DEFAULT_INTERVAL);
        }

        public Options(Duration configCheckInterval, RecorderSupervisor.Timing recorderTiming, boolean logToFile,
                UpdateAgent.Timing updateTiming, Duration nudgeInterval) {
            this(configCheckInterval, recorderTiming, logToFile, updateTiming, nudgeInterval, false);
        }

        /** These options with restarts into new versions possible (or not). */
        public Options withRestartable(boolean value) {
            return new Options(configCheckInterval, recorderTiming, logToFile, updateTiming, nudgeInterval, value);
        }

        public Options {
            Objects.requireNonNull(configCheckInterval, "configCheckInterval");
            Objects.requireNonNull(recorderTiming, "recorderTiming");
            Objects.requireNonNull(updateTiming, "updateTiming");
            Objects.requireNonNull(nudgeInterval, "nudgeInterval");
        }
    }

    private ServiceRuntime(ServiceLock lock, ExecutorScheduler scheduler, ExecutorService downloads,
            Optional<NudgeListener> nudges, Optional<ConfigurationWatch> configWatch, ClientService service,
            Restart restart) {
        this.lock = lock;
        this.restart = restart;
        this.scheduler = scheduler;
        this.downloads = downloads;
        this.nudges = nudges;
        this.configWatch = configWatch;
        this.service = service;
    }

    /**
     * Starts the Client Service installed in {@code home}; returns once it has checked its lease (and started the
     * Recorder if valid). The Recorder is the installed release ({@code versions/recorder/current}), if any, else
     * the configured one. First it checks that only its own account (or root) can change the home and what it trusts
     * ({@link StrictModes}), then it takes the home's lock ({@link ServiceLock}), which it holds until {@link #stop()}.
     *
     * @throws UnsafeHomeException when others could change the home, {@code client.json} or the client key
     * @throws HomeInUseException when another Client Service runs on this home
     * @throws dev.primary.client.config.ClientConfigurationException when {@code client.json} is missing or invalid
     */
    public static ServiceRuntime start(ClientHome home, ConfiguredSettings.Overrides overrides, Options options) {
        return start(home, overrides, options, false);
    }

    /**
     * Starts the service as {@link #start} does, for the launcher's class-archive training ({@link ClassArchiveTraining}):
     * the same start-up and check-ins, but the Recorder it supervises is a stand-in ({@link #TRAINING_RECORDER}, with
     * the real Recorder's version), so that the real one is neither started nor stopped by the training; no log file
     * and no restarts into other versions.
     */
    static ServiceRuntime startForClassArchiveTraining(ClientHome home, ConfiguredSettings.Overrides overrides) {
        return start(home, overrides, new Options(Options.DEFAULTS.configCheckInterval(),
                Options.DEFAULTS.recorderTiming(), false), true);
    }

    /** The program a training run supervises instead of the Recorder: a process that waits to be stopped. */
    static final List<String> TRAINING_RECORDER = List.of("sleep", "600");

    private static ServiceRuntime start(ClientHome home, ConfiguredSettings.Overrides overrides, Options options,
            boolean standInRecorder) {
        StrictModes.forThisProcess().check(home);
        ServiceLock lock = ServiceLock.take(home);
        try {
            return startLocked(home, overrides, options, lock, standInRecorder);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static ServiceRuntime startLocked(ClientHome home, ConfiguredSettings.Overrides overrides, Options options,
            ServiceLock lock, boolean standInRecorder) {
        ConfiguredSettings settings = new ConfiguredSettings(ClientConfigurationFile.in(home.dir()), overrides);
        if (options.logToFile()) {
            LogFile.attach(home.logFile());
        }
        SigningKey clientKey = ClientKeyFile.loadOrCreate(home.keyFile());
        pinDefaultTls(settings.current().server().tlsPin());
        ExecutorScheduler scheduler = new ExecutorScheduler("client-service");
        ClientConfiguration.Recorder recorderConfig = settings.configuration().recorder();
        InstalledRecorder installed = new InstalledRecorder(home,
                new RecorderProgram(recorderConfig.command(), recorderConfig.version()),
                settings.current().updates().packageCommand());
        RecorderProgram recorderProgram = standInRecorder
                ? new RecorderProgram(TRAINING_RECORDER, installed.current().version()) : installed.current();
        RecorderSupervisor recorder = new RecorderSupervisor(recorderProgram, home.dir(), home.recorderOutput(),
                scheduler, options.recorderTiming());
        ExecutorService downloads = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "client-update-download");
            thread.setDaemon(true);
            return thread;
        });
        Restart restart = new Restart(options.restartable());
        UpdateAgent updates = new UpdateAgent(home, recorder, installed, scheduler, downloads, ClientVersion.current(),
                options.updateTiming(), restart);
        AtomicReference<ClientService> nudgeTarget = new AtomicReference<>();
        NudgeSources nudgeSources = NudgeSources.resolvedBySystem();
        nudgeSources.trustSoon(nudgeHosts(settings));
        Optional<NudgeListener> nudges = NudgeListener.open(nudgeBindAddress(settings.configuration()),
                settings.current().updates().nudgePort(), nudgeSources, () -> {
                    ClientService target = nudgeTarget.get();
                    if (target != null) {
                        target.nudged();
                    }
                });
        SettingsSource followed = nudges.isEmpty() ? settings : new NudgeSourcesFollowing(settings, nudgeSources);
        ClientService service = new ClientService(new ServiceParts(followed,
                new HttpServerConnector(CheckInKeyFile.at(home.keyFile().resolveSibling(CheckInKeyFile.FILE_NAME))), recorder,
                new LeaseFile(home.leaseFile()), new StateFile(home.stateFile()), clientKey, TimeSource.system(), scheduler,
                Jitter.earlierBy(5, new SplittableRandom()), options.configCheckInterval(), updates,
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
        Optional<ConfigurationWatch> configWatch = ConfigurationWatch.open(ClientConfigurationFile.in(home.dir()),
                service::configurationMayHaveChanged);
        scheduler.schedule(Duration.ZERO, ServiceRuntime::releaseStartUpMemory);
        ServiceRuntime runtime = new ServiceRuntime(lock, scheduler, downloads, nudges, configWatch, service, restart);
        restart.attach(runtime);
        return runtime;
    }

    /**
     * A restart into another Client Service version: the service stops (on a thread of its own, as the request comes
     * from the service thread that the stop waits for) and the process exits with {@link ServiceRestart#EXIT_CODE}.
     */
    private static final class Restart implements ServiceRestart {
        private final boolean available;
        private final AtomicReference<ServiceRuntime> runtime = new AtomicReference<>();
        private volatile boolean requested;

        Restart(boolean available) {
            this.available = available;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public void request() {
            requested = true;
            stopIfAttached();
        }

        void attach(ServiceRuntime started) {
            runtime.set(started);
            if (requested) {
                stopIfAttached();
            }
        }

        /**
         * Stops once the service thread's current task is over (the request usually comes from it), so the stop
         * interrupts no write of the state file.
         */
        private void stopIfAttached() {
            ServiceRuntime started = runtime.get();
            if (started != null) {
                started.scheduler.schedule(Duration.ZERO, () -> {
                    Thread stopping = new Thread(started::stop, "client-service-restart");
                    stopping.setDaemon(false);
                    stopping.start();
                });
            }
        }
    }

    /** Whether the service stopped to restart into another version (exit {@link ServiceRestart#EXIT_CODE}). */
    public boolean restartRequested() {
        return restart.requested;
    }

    private static Optional<InetAddress> nudgeBindAddress(ClientConfiguration configuration) {
        String address = configuration.updates().nudgeBindAddress();
        return address.isEmpty() ? Optional.empty() : IpAddresses.literal(address);
    }

    /** Who may nudge: the configured servers (all of the list) and the configured further sources. */
    private static List<String> nudgeHosts(ConfiguredSettings settings) {
        List<String> hosts = new ArrayList<>();
        settings.current().server().addresses().forEach(address -> hosts.add(address.host()));
        hosts.addAll(settings.configuration().updates().nudgeSources());
        return hosts;
    }

    /**
     * The settings as the service sees them; when they change (a repoint), the nudge sources follow before the service
     * contacts the new server, on the service's thread.
     */
    private record NudgeSourcesFollowing(ConfiguredSettings settings, NudgeSources sources) implements SettingsSource {
        @Override
        public ServiceSettings current() {
            return settings.current();
        }

        @Override
        public Optional<ServiceSettings> changed() {
            Optional<ServiceSettings> changed = settings.changed();
            changed.ifPresent(applied -> sources.trust(nudgeHosts(settings)));
            return changed;
        }
    }

    /**
     * Makes the pinned TLS the process's default for HTTPS connections. Every connection this service opens sets the
     * pinned factory itself, but a new {@link HttpsURLConnection} first takes the default, and the JDK's default loads
     * its CA trust store (some 140 certificates, a megabyte kept for the life of the process). This process speaks
     * TLS to its Primary Server only, so the default need not trust anyone else.
     */
    private static void pinDefaultTls(TlsPin pin) {
        HttpsURLConnection.setDefaultSSLSocketFactory(PinnedTls.trusting(pin).getSocketFactory());
    }

    /**
     * Runs after the first contact (queued behind it on the one thread): a full GC frees what start-up and the first
     * TLS handshake left behind, and lets the heap shrink to what the service keeps (with {@code -XX:MaxHeapFreeRatio}
     * set low, as {@code bin/client-service} does). Once per process; it takes some tens of milliseconds.
     */
    private static void releaseStartUpMemory() {
        System.gc();
    }

    /**
     * Stops the nudge listener, the service thread and downloads, then the Recorder, saves the state and releases the
     * home's lock. Safe to call more than once.
     */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        try {
            nudges.ifPresent(NudgeListener::close);
            configWatch.ifPresent(ConfigurationWatch::close);
            scheduler.shutdown();
            service.abandonContact();
            scheduler.close();
            service.stop();
            downloads.shutdownNow();
            awaitDownloadThread();
        } finally {
            lock.close();
            stopped.countDown();
        }
    }

    /** The service's status now, read on the service's thread; empty when it does not answer within {@code wait}. */
    Optional<ClientStatus> status(Duration wait) throws InterruptedException {
        CompletableFuture<ClientStatus> status = new CompletableFuture<>();
        scheduler.schedule(Duration.ZERO, () -> status.complete(service.status()));
        try {
            return Optional.of(status.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    /** How many nudges came from addresses that may not nudge and were dropped; 0 without a listener. */
    public long nudgesDropped() {
        return nudges.map(NudgeListener::dropped).orElse(0L);
    }

    /** The local address the nudge listener is bound to (the wildcard address when all); empty without a listener. */
    public Optional<InetAddress> nudgeAddress() {
        return nudges.map(NudgeListener::address);
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
