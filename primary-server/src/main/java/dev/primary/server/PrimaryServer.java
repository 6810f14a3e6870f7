package dev.primary.server;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.primary.protocol.admin.ServerStatus;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.config.ConnectionLimits;
import dev.primary.server.config.RegistrationLimit;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.server.config.StoreChoice;
import dev.primary.server.http.AdminRoutes;
import dev.primary.server.http.FleetEventStreams;
import dev.primary.server.http.ClientRoutes;
import dev.primary.server.http.ConnectionCaps;
import dev.primary.server.http.HttpLimits;
import dev.primary.server.http.HealthRoutes;
import dev.primary.server.http.HttpListener;
import dev.primary.server.http.ListenerSettings;
import dev.primary.server.http.NettyTransport;
import dev.primary.server.http.ReadDeadlines;
import dev.primary.server.http.Readiness;
import dev.primary.server.http.SourceRateLimit;
import dev.primary.server.http.TlsContexts;
import dev.primary.server.http.TrafficCount;
import dev.primary.server.http.UpdateServices;
import dev.primary.server.http.WorkerPool;
import dev.primary.server.identity.AdminEndpoint;
import dev.primary.server.identity.DataDirectory;
import dev.primary.server.identity.FleetTicketSecret;
import dev.primary.server.identity.IdentityException;
import dev.primary.server.identity.InstallationIncompleteException;
import dev.primary.server.identity.ServerIdentity;
import dev.primary.server.identity.TlsKeyReplacement;
import dev.primary.server.identity.TrustedKeys;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.logging.RunningLogLevel;
import dev.primary.server.metrics.CommitMetrics;
import dev.primary.server.metrics.FleetMetrics;
import dev.primary.server.metrics.RequestMetrics;
import dev.primary.server.metrics.ServerMetrics;
import dev.primary.server.metrics.TlsHandshakeMetrics;
import dev.primary.server.nudge.NudgeSender;
import dev.primary.server.release.Releases;
import dev.primary.server.store.postgres.PostgresStore;
import dev.primary.server.store.sqlite.SqliteStore;
import io.micrometer.core.instrument.Gauge;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Primary Server: identity, licensing and release core, store and package store, the client and
 * admin HTTPS ports (each on its own event loops and worker pool, with its own connection cap), the nudge sender,
 * the reclaim schedule. {@link #start} brings it up (or fails, leaving nothing open); {@link #close}
 * stops it gracefully: no new connections, requests in progress finish (up to {@link #DRAIN_TIMEOUT}),
 * then connections, event loops and the store are closed.
 */
public final class PrimaryServer implements AutoCloseable {
    /** How long a stop waits for requests in progress. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PrimaryServer.class);
    private static final int ADMIN_WORKER_THREADS = 2;
    private static final int ADMIN_QUEUE = 64;
    /** The admin port's own event loop: its traffic is light, and it shares no thread with the client port. */
    private static final int ADMIN_EVENT_LOOPS = 1;

    private final ServerConfiguration configuration;
    private final ServerIdentity identity;
    private final Deque<AutoCloseable> resources;
    private final WorkerPool clientWorkers;
    private final WorkerPool adminWorkers;
    private final HttpListener clientListener;
    private final HttpListener adminListener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Readiness readiness;

    private PrimaryServer(Startup startup) {
        this.configuration = startup.configuration;
        this.identity = startup.identity;
        this.resources = startup.resources;
        this.clientWorkers = startup.clientWorkers;
        this.adminWorkers = startup.adminWorkers;
        this.clientListener = startup.clientListener;
        this.adminListener = startup.adminListener;
        this.readiness = startup.readiness;
    }

    /** Starts a server on the embedded SQLite store in {@code <data-dir>/primary.db}. */
    public static PrimaryServer start(ServerConfiguration configuration, Clock clock) {
        return start(configuration, clock, StartupOptions.NONE);
    }

    /**
     * Starts a server on the store the configuration chooses: the embedded SQLite store in
     * {@code <data-dir>/primary.db} (the default), or PostgreSQL ({@code store=postgresql}). An existing installation
     * whose store, keys or installation id are missing or do not match refuses to start (the cause is an
     * {@link InstallationIncompleteException}), unless {@code options} allow that one repair.
     *
     * @throws ServerStartException saying what prevented the start; nothing is left open
     */
    public static PrimaryServer start(ServerConfiguration configuration, Clock clock, StartupOptions options) {
        if (configuration.store() instanceof StoreChoice.Postgresql postgresql) {
            return start(new Startup(configuration, clock, options, false),
                    startEvents -> PostgresLicensing.opener(postgresql, startEvents));
        }
        return start(new Startup(configuration, clock, options, true), SqliteLicensing::opener);
    }

    /**
     * Starts a server whose licensing core comes from {@code opener} (another store, or a fake in tests).
     *
     * @throws ServerStartException saying what prevented the start; nothing is left open
     */
    public static PrimaryServer start(ServerConfiguration configuration, Clock clock, LicensingBackend.Opener opener) {
        return start(new Startup(configuration, clock, StartupOptions.NONE, false), startEvents -> opener);
    }

    private static PrimaryServer start(Startup startup,
            Function<List<AuditEvent>, LicensingBackend.Opener> openerWithStartEvents) {
        try {
            startup.run(openerWithStartEvents);
        } catch (RuntimeException e) {
            closeAll(startup.resources);
            if (e instanceof ServerStartException) {
                throw e;
            }
            throw new ServerStartException(NoSpaceDiagnosis.explain(e, startup.configuration.dataDirectory())
                    .orElseGet(() -> messageOf(e)), e);
        }
        return new PrimaryServer(startup);
    }

    public int clientPort() {
        return clientListener.port();
    }

    public int adminPort() {
        return adminListener.port();
    }

    public Path dataDirectory() {
        return configuration.dataDirectory();
    }

    public ServerConfiguration configuration() {
        return configuration;
    }

    public String serverId() {
        return identity.serverId();
    }

    /** The lease-signing public key clients pin. */
    public PublicKey serverKey() {
        return identity.signingKey().publicKey();
    }

    /** The TLS key pin of both ports. */
    public TlsPin tlsPin() {
        return identity.tls().pin();
    }

    /** {@code https://127.0.0.1:<client port>} when the client port listens on loopback or everywhere. */
    public URI clientUri() {
        return URI.create("https://" + Endpoints.connectableHost(configuration.bind()) + ":" + clientPort());
    }

    /** The admin API's base URL, as written to {@code <data-dir>/admin-endpoint}. */
    public URI adminUri() {
        return URI.create("https://" + Endpoints.connectableHost(configuration.adminBind()) + ":" + adminPort());
    }

    /** Blocks until {@link #close} has finished (from another thread or a shutdown hook). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops gracefully; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        readiness.stopping();
        LOG.info("Primary Server stopping: no new connections, finishing requests in progress");
        clientListener.stopAccepting();
        adminListener.stopAccepting();
        if (!clientWorkers.drain(DRAIN_TIMEOUT) | !adminWorkers.drain(Duration.ofSeconds(1))) {
            LOG.warn("requests still running after {} s were abandoned", DRAIN_TIMEOUT.toSeconds());
        }
        closeAll(resources);
        LOG.info("Primary Server stopped");
        stopped.countDown();
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resource, e.toString());
            }
        }
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    /** How stale the trusted release keys named in every hello may be. */
    private static final Duration RELEASE_KEYS_MAX_AGE = Duration.ofSeconds(1);

    /** The steps of a start, and what they opened (closed in reverse if a later step fails). */
    private static final class Startup {
        private final ServerConfiguration configuration;
        private final Clock clock;
        private final StartupOptions options;
        private final boolean embeddedStore;
        private final Deque<AutoCloseable> resources = new ArrayDeque<>();
        private final Readiness readiness = new Readiness();
        private ServerIdentity identity;
        private WorkerPool clientWorkers;
        private WorkerPool adminWorkers;
        private HttpListener clientListener;
        private HttpListener adminListener;
        private final Supplier<List<PublicKey>> releaseKeys;

        Startup(ServerConfiguration configuration, Clock clock, StartupOptions options, boolean embeddedStore) {
            this.configuration = configuration;
            this.clock = clock;
            this.options = options;
            this.embeddedStore = embeddedStore;
            this.releaseKeys = TrustedKeys.cached(TrustedKeys.Kind.RELEASE, configuration.releaseKeyFiles(),
                    configuration.trustedReleaseKeysDirectory(), RELEASE_KEYS_MAX_AGE);
        }

        void run(Function<List<AuditEvent>, LicensingBackend.Opener> openerWithStartEvents) {
            Instant startedAt = clock.instant();
            ServerMetrics metrics = new ServerMetrics();
            resources.push(metrics);
            DataDirectory directory = DataDirectory.prepare(configuration.dataDirectory());
            EmbeddedStoreCheck.Outcome store = embeddedStore ? EmbeddedStoreCheck.check(directory, options)
                    : EmbeddedStoreCheck.Outcome.OPEN_EXISTING;
            identity = ServerIdentity.openOrCreate(directory, configuration.tls(), clock, options.newTlsKey());
            readiness.keysLoaded();
            SslProvider provider = TlsContexts.preferredProvider();
            SslContext tls = TlsContexts.forServer(identity.tls(), provider);
            // On a shared database every server of the fleet derives the same ticket keys from the fleet's secret.
            FleetTicketSecret ticketSecret = configuration.store() instanceof StoreChoice.Postgresql
                    ? FleetTicketSecret.openOrCreate(directory.sessionTicketSecretFile()) : null;
            resources.push(ticketSecret != null ? TicketKeyRotation.derived(tls, ticketSecret, clock)
                    : TicketKeyRotation.fromFile(tls, directory.sessionTicketKeysFile(), clock));
            ConnectionLimits connectionLimits = configuration.connectionLimits();
            HttpLimits limits = HttpLimits.withMaxBody(configuration.maxBodyBytes()).withDeadlines(new ReadDeadlines(
                    connectionLimits.headerTimeout(), connectionLimits.bodyTimeout(), connectionLimits.bodyMinRate()));
            // The admin port opens first, with its health routes alone, so that readiness can say "not ready"
            // while the store opens; its other routes are served once the start has finished.
            NettyTransport adminTransport = NettyTransport.start("primary-admin", ADMIN_EVENT_LOOPS);
            resources.push(adminTransport);
            adminWorkers = new WorkerPool("primary-admin", ADMIN_WORKER_THREADS, ADMIN_QUEUE);
            resources.push(() -> adminWorkers.drain(Duration.ZERO));
            ConnectionCaps adminCaps = new ConnectionCaps(connectionLimits.adminMaxConnections(),
                    connectionLimits.adminMaxConnections());
            TrafficCount adminTraffic = new TrafficCount();
            adminTraffic.observeWith(new RequestMetrics(metrics.registry(), "admin"));
            adminListener = HttpListener.start(new ListenerSettings("admin", "admin-port", configuration.adminBind(),
                    configuration.adminPort(), limits, adminCaps), tls,
                    HealthRoutes.starting(readiness, metrics::scrape), adminWorkers, adminTransport, adminTraffic);
            resources.push(adminListener);
            LicensingSettings settings = licensingSettings();
            LicensingBackend backend = openerWithStartEvents.apply(startEvents(store, directory))
                    .open(settings, identity.signingKey(), directory.root(), clock);
            resources.push(backend.store());
            resources.push(backend.beforeStore());
            JobTurns turns = JobTurns.ALONE;
            if (backend.store() instanceof SqliteStore sqlite) {
                sqlite.observeCommits(new CommitMetrics(metrics.registry()));
            } else if (backend.store() instanceof PostgresStore postgres) {
                postgres.observeCommits(new CommitMetrics(metrics.registry()));
                postgres.trackPools(new MicrometerMetricsTrackerFactory(metrics.registry()));
                turns = joinFleet(postgres, ticketSecret, backend);
            }
            readiness.storeOpen();
            Optional<HourlyStatsSchedule> hourlyStats = HourlyStatsSchedule.of(backend, clock);
            hourlyStats.ifPresent(schedule -> resources.push(schedule.start()));
            NudgeSender nudges = NudgeSender.standard();
            resources.push(nudges);
            NettyTransport clientTransport = NettyTransport.start("primary-client",
                    Math.max(2, Runtime.getRuntime().availableProcessors()));
            resources.push(clientTransport);
            clientWorkers = new WorkerPool("primary-worker", configuration.workerThreads(),
                    Math.max(256, configuration.workerThreads() * 32));
            resources.push(() -> clientWorkers.drain(Duration.ZERO));
            ConnectionCaps clientCaps = new ConnectionCaps(ClientConnectionCap.resolve(connectionLimits),
                    connectionLimits.maxConnectionsPerSource());
            TrafficCount clientTraffic = new TrafficCount();
            clientTraffic.observeWith(new RequestMetrics(metrics.registry(), "client"));
            FleetMetrics.bind(metrics.registry(), clientTraffic, backend.administration());
            TlsHandshakeMetrics.bind(metrics.registry(), tls, clientTraffic, adminTraffic);
            SourceRateLimit registrations = new SourceRateLimit(configuration.registrationLimit().perSecond(),
                    configuration.registrationLimit().burst(), RegistrationLimit.MAX_SOURCES, System::nanoTime);
            clientListener = HttpListener.start(new ListenerSettings("client", "port", configuration.bind(),
                    configuration.port(), limits, clientCaps), tls,
                    ClientRoutes.of(hourlyStats.map(schedule -> schedule.counting(backend.clientProtocol()))
                            .orElse(backend.clientProtocol()), backend.packages(), registrations),
                    clientWorkers, clientTransport, clientTraffic);
            resources.push(clientListener);
            ServerStatus status = new ServerStatus(identity.serverId(), settings.serverVersion(), startedAt,
                    Endpoints.clientEndpoint(configuration.bind(), clientListener.port()),
                    identity.signingKey().publicKey().encoded(), settings.tlsPin(), directory.root().toString(),
                    backend.storeDescription());
            UpdateServices updates = new UpdateServices(backend.releases(), backend.packages(), nudges,
                    configuration.maxPackageBytes());
            FleetEventStreams events = new FleetEventStreams(backend.changes(), backend.administration(),
                    FleetEventStreams.Limits.DEFAULT);
            resources.push(events);
            Gauge.builder("primary.admin.event.streams", events, FleetEventStreams::openStreams)
                    .description("fleet event streams open on the admin port (at most 64)").register(metrics.registry());
            Supplier<ServerStatus> currentStatus = () -> withTrustedKeys(status, settings);
            adminListener.serve(AdminRoutes.of(backend.administration(), updates, identity.adminToken(), currentStatus,
                    clientTraffic::snapshot, registrations::refusedBySource, new RunningLogLevel(configuration.logLevel()),
                    readiness, metrics::scrape, AccountsOnStore.of(backend, clock),
                    hourlyStats.map(HourlyStatsSchedule::statistics), events));
            readiness.clientPortOpen();
            String adminUrl = "https://" + Endpoints.connectableHost(configuration.adminBind()) + ":" + adminListener.port();
            new AdminEndpoint(adminUrl, settings.tlsPin()).writeTo(directory.adminEndpointFile());
            resources.push(ReclaimSchedule.start(backend.administration(), configuration.reclaimCheckInterval(),
                    !configuration.reclaimAfter().isZero(), turns));
            LOG.info(StartupReport.describe(identity, status, adminUrl, TlsContexts.describe(provider),
                    settings.trustedVendorKeys().get().size(), settings.trustedReleaseKeys().get(),
                    backend.administration()));
        }

        /**
         * Joins the fleet on the shared database (refusing to start when this server's identity is not the fleet's),
         * keeps the release catalog current with the other servers' changes, and answers whose turn a job is.
         */
        private JobTurns joinFleet(PostgresStore postgres, FleetTicketSecret ticketSecret, LicensingBackend backend) {
            String node = FleetNode.name();
            if (ticketSecret != null) {
                FleetMembership.join(identity, ticketSecret, postgres.fleet(), node, backend.storeDescription(),
                        clock.instant());
            }
            if (backend.releases() instanceof Releases releases) {
                resources.push(CatalogRefresh.start(releases));
            }
            return (job, period) -> postgres.fleet().takeTurn(job, period, node, clock.instant());
        }

        /**
         * {@code status} with the ids of the keys trusted now, read anew as an import reads them; a broken key file
         * makes no failed status, it is named in it.
         */
        private static ServerStatus withTrustedKeys(ServerStatus status, LicensingSettings settings) {
            try {
                return status.trusting(keyIds(settings.trustedVendorKeys().get()),
                        keyIds(settings.trustedReleaseKeys().get()));
            } catch (IdentityException e) {
                return status.trustedKeysUnreadable(e.getMessage());
            }
        }

        private static List<String> keyIds(List<PublicKey> keys) {
            return keys.stream().map(PublicKey::keyId).toList();
        }

        /** What this start did on an operator's flag, for the audit trail of the store it opens. */
        private List<AuditEvent> startEvents(EmbeddedStoreCheck.Outcome store, DataDirectory directory) {
            List<AuditEvent> events = new ArrayList<>();
            if (store == EmbeddedStoreCheck.Outcome.CREATE_EMPTY_ON_PURPOSE) {
                events.add(new AuditEvent(clock.instant(), options.auditActor(), AuditAction.STORE_INITIALIZED_EMPTY,
                        directory.databaseFile().toString(), "started with --initialize-empty-store: the installation "
                        + identity.serverId() + " had lost its store; licenses, computers and releases start empty"));
            }
            if (identity.tlsKeyReplacement() != TlsKeyReplacement.NONE) {
                events.add(new AuditEvent(clock.instant(), options.auditActor(), AuditAction.TLS_KEY_REPLACED,
                        directory.tlsKeyFile().toString(), "started with --new-tls-key: "
                        + identity.tlsKeyReplacement().reason() + "; new TLS pin " + identity.tls().pin().value()
                        + "; clients that pinned the old key must be re-pointed"));
            }
            return events;
        }

        private LicensingSettings licensingSettings() {
            List<PublicKey> vendorKeys = vendorKeys();
            if (vendorKeys.isEmpty()) {
                LOG.warn("{} - no trusted vendor key: license files cannot be imported until a vendor's .pub key "
                        + "is placed there (read at every import, no restart needed) or given with --vendor-key", configuration.trustedVendorsDirectory());
            }
            if (releaseKeys().isEmpty()) {
                LOG.warn("{} - no trusted release key: releases cannot be added, and clients installed now pin none "
                        + "and install no update; place the release key's .pub there (read at each use) or give "
                        + "--release-key", configuration.trustedReleaseKeysDirectory());
            }
            return new LicensingSettings(identity.serverId(), ServerVersion.current(), identity.tls().pin().value(),
                    configuration.leaseValidity(), configuration.waitingRetryAfter(),
                    configuration.revokedRetryAfter(), configuration.reclaimAfter(), this::vendorKeys,
                    this::releaseKeys, configuration.identity());
        }

        private List<PublicKey> vendorKeys() {
            return TrustedKeys.read(TrustedKeys.Kind.VENDOR, configuration.vendorKeyFiles(),
                    configuration.trustedVendorsDirectory());
        }

        private List<PublicKey> releaseKeys() {
            return releaseKeys.get();
        }
    }
}
