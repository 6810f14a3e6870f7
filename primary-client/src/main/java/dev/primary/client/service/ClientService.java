package dev.primary.client.service;

import dev.primary.client.ClientVersion;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Client Service's state machine (DESIGN.md §2): registers until it holds a lease, keeps the
 * Recorder running exactly while it holds a valid one, re-verifies, backs off when contact is
 * lost, and explains its state in {@code state.json}. It hands the server's update directives to the
 * {@link Updates} and carries their reports, and checks in at once when nudged (rate-limited).
 * Everything runs on the one {@link Scheduler} thread; time comes from an injected {@link TimeSource},
 * so tests drive it with a fake clock.
 */
public final class ClientService {
    private static final Logger LOG = LoggerFactory.getLogger(ClientService.class);

    private final ServiceParts parts;
    private final String clientId;
    private final Jitter jitter;
    private final StatusKeeper statusKeeper;

    private final LeaseKeeper lease;
    private final Updates updates;
    private final NudgeGate nudgeGate;
    private final CheckInRequests requests;

    private volatile ServiceSettings settings;
    private volatile ServerConnection connection;
    private ClockWatch clock;
    private RequestSequence sequence;

    private ClientState state = ClientState.UNLICENSED;
    private ProblemType refusedAs;
    private String serverReason = "";
    private int queuePosition;
    private final ContactHistory contacts = new ContactHistory();
    private Instant nextContact;
    private Version reportedVersion;
    private boolean stopped;
    private Scheduler.Task wake;

    public ClientService(ServiceParts parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.clientId = parts.clientKey().publicKey().keyId();
        this.jitter = parts.jitter();
        this.statusKeeper = new StatusKeeper(parts.statusStore());
        this.lease = new LeaseKeeper(parts.leases(), clientId);
        this.updates = parts.updates();
        this.nudgeGate = new NudgeGate(parts.nudge().minimumInterval());
        this.requests = new CheckInRequests(parts.clientKey().publicKey(), updates, parts.nudge());
        parts.recorder().onChange(() -> parts.scheduler().schedule(Duration.ZERO, this::recorderChanged));
    }

    /** Starts: restores what the state file remembers, checks the lease on disk (starting the Recorder at once when it is valid) and contacts the server. */
    public void start() {
        settings = parts.settings().current();
        ClientStatus previous = statusKeeper.loadPrevious().orElse(null);
        clock = new ClockWatch(new TrustedTime(parts.timeSource(), previous == null ? null : previous.highestTimeSeen()));
        sequence = new RequestSequence(parts.timeSource(), previous == null ? 0 : previous.lastSequence(),
                this::persistSequence, this::persistRebasedSequence);
        if (previous != null && isConfigured(previous.server())) {
            contacts.restoreLastSuccess(previous.lastSuccessfulContact());
        }
        connectTo(settings.server());
        Instant now = clock.observe();
        LOG.info("Client Service {} starting: client id {}, computer {}, server {}", ClientVersion.text(), clientId,
                settings.computer().display(), address());
        updates.start(new Host());
        loadLeaseFromDisk(now);
        nextContact = now;
        save();
        wake = parts.scheduler().schedule(Duration.ZERO, this::wake);
    }

    /**
     * A "check in now" nudge arrived (any thread): checks in at once, unless a nudge already triggered a check-in
     * within the nudge interval. The nudge carries no command; the check-in is the normal authenticated one.
     */
    public void nudged() {
        parts.scheduler().schedule(Duration.ZERO, this::checkInOnNudge);
    }

    /**
     * {@code client.json} may have changed (any thread): looks at once instead of at the next periodic check, and
     * applies it (checking in) when it did.
     */
    public void configurationMayHaveChanged() {
        parts.scheduler().schedule(Duration.ZERO, this::wakeNow);
    }

    /**
     * Abandons a check-in in flight (any thread), so that a stopping service need not wait for its timeout; the
     * check-in counts as a failed contact. Call once the scheduler takes no more tasks, before waiting for its thread.
     */
    public void abandonContact() {
        ServerConnection current = connection;
        if (current != null) {
            current.abandon();
        }
    }

    /** Stops: cancels pending work, stops the Recorder and saves the state. Call after the scheduler thread has stopped. */
    public void stop() {
        stopped = true;
        if (wake != null) {
            wake.cancel();
        }
        updates.stop();
        parts.recorder().stop();
        nextContact = null;
        save();
        LOG.info("Client Service stopped");
    }

    /** The status as it would be saved now. */
    public ClientStatus status() {
        return snapshot();
    }

    private void wake() {
        wake = null;
        if (stopped) {
            return;
        }
        try {
            Instant now = clock.observe();
            applyChangedSettings(now);
            expireLeaseIfDue(now);
            markDegradedIfDue(now);
            if (!now.isBefore(nextContact)) {
                contact();
            }
            reportRecorderChange();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                // The service is stopping and interrupted this step (a file write, say): nothing failed.
                LOG.debug("Client Service step interrupted by the stop: {}", e.toString());
            } else {
                LOG.error("Client Service step failed: {}", e.toString(), e);
            }
        } finally {
            save();
            scheduleNextWake();
        }
    }

    private void checkInOnNudge() {
        if (stopped) {
            return;
        }
        if (!nudgeGate.admit(parts.timeSource().nanoTime())) {
            LOG.debug("Nudge ignored: a nudge triggered a check-in less than {} ago", Phrases.duration(nudgeGate.interval()));
            return;
        }
        LOG.info("Nudged: checking in with {} now", address());
        nextContact = clock.observe();
        wakeNow();
    }

    private void wakeNow() {
        if (stopped) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wake();
    }

    private void scheduleNextWake() {
        if (stopped) {
            return;
        }
        Instant now = clock.now();
        Instant at = earliest(nextContact, now.plus(parts.configCheckInterval()));
        if (lease.holds()) {
            at = earliest(at, lease.expiresAt());
            if (state == ClientState.LICENSED) {
                at = earliest(at, degradedAt());
            }
        }
        Duration delay = Duration.between(now, at);
        wake = parts.scheduler().schedule(delay.isNegative() ? Duration.ZERO : delay, this::wake);
    }

    private void contact() {
        Instant now = clock.now();
        contacts.attempted(now);
        nextContact = now.plus(jitter.spread(settings.timing().retry()));
        try {
            CheckInAnswer answer = lease.holds() ? verifyOrRegister() : register();
            accept(answer, clock.now());
        } catch (RequestRefusedException e) {
            Optional<RegistrationRefusal> refusal = RegistrationRefusal.of(e)
                    .filter(refused -> !lease.holds() || refused.takesTheSeatAway());
            if (refusal.isPresent()) {
                if (lease.holds()) {
                    LOG.warn("{} says another client key now holds this computer ({}); Recorder stopped and lease "
                            + "deleted", address(), refusal.get().reason());
                    lease.drop();
                }
                registrationRefused(e, refusal.get(), clock.now());
            } else {
                contactFailed(e, clock.now());
            }
        } catch (ContactFailedException e) {
            contactFailed(e, clock.now());
        }
    }

    private CheckInAnswer register() throws ContactFailedException {
        Version running = runningVersion();
        CheckInAnswer answer = connection.register(requests.register(settings, running));
        reportedVersion = running;
        return answer;
    }

    private CheckInAnswer verifyOrRegister() throws ContactFailedException {
        Version running = runningVersion();
        try {
            CheckInAnswer answer = connection.verify(requests.verify(settings, lease.held().leaseId(), running));
            reportedVersion = running;
            return answer;
        } catch (RequestRefusedException e) {
            if (!e.is(ProblemType.UNKNOWN_CLIENT)) {
                throw e;
            }
            LOG.info("{} does not know this client ({}): registering again", address(), e.problem().detail());
            return register();
        }
    }

    private void accept(CheckInAnswer answer, Instant now) {
        if (answer instanceof CheckInAnswer.Licensed licensed) {
            acceptLease(licensed, now);
        } else if (answer instanceof CheckInAnswer.WaitingForSeat waiting) {
            contacts.succeeded(now, address());
            updates.reachedServer();
            if (state != ClientState.WAITING || queuePosition != waiting.queuePosition()) {
                LOG.info("Waiting for a seat on {}: {} (place {} in line); asking again in {} s", address(),
                        waiting.reason(), waiting.queuePosition(), waiting.retryAfterSeconds());
            }
            loseSeat(ClientState.WAITING, waiting.reason(), waiting.queuePosition());
            nextContact = now.plus(ContactTiming.serverAsked(waiting.retryAfterSeconds()));
        } else if (answer instanceof CheckInAnswer.Revoked revoked) {
            contacts.succeeded(now, address());
            updates.reachedServer();
            if (state != ClientState.REVOKED) {
                LOG.warn("Client revoked by the administrator of {}: {}; Recorder stopped and lease deleted", address(),
                        revoked.reason());
            }
            loseSeat(ClientState.REVOKED, revoked.reason(), 0);
            nextContact = now.plus(ContactTiming.serverAsked(revoked.retryAfterSeconds()));
        }
    }

    private void acceptLease(CheckInAnswer.Licensed licensed, Instant now) {
        boolean wasLicensed = lease.holds();
        HeldLease received;
        try {
            received = licensed.lease() != null ? lease.acceptFromServer(licensed.lease(), clock)
                    : lease.keepCurrent(licensed.currentLease(), clock);
        } catch (LeaseRejectedException e) {
            LOG.warn("Lease from {} rejected: {}", address(), e.getMessage());
            contacts.unusableAnswer(address() + " sent a lease this client cannot use: " + e.getMessage());
            nextContact = now.plus(jitter.spread(
                    ContactTiming.afterFailure(settings.timing(), contacts.failures(), lease.holds())));
            return;
        }
        contacts.succeeded(now, address());
        if (!wasLicensed) {
            LOG.info("Licensed by {}: lease {} for {} until {}", address(), received.leaseId(),
                    received.payload().computer().display(), Phrases.time(received.expiresAt()));
        }
        serverReason = "";
        queuePosition = 0;
        state = ClientState.LICENSED;
        parts.recorder().start();
        updates.directed(licensed.updates(), licensed.contentUpdate());
        // After the directives: a server that no longer directs the version now running must still get its report.
        updates.reachedServer();
        nextContact = now.plus(jitter.spread(ContactTiming.afterLicensed(settings.timing(), licensed.verifyAfterSeconds())));
    }

    private void loseSeat(ClientState newState, String reason, int position) {
        parts.recorder().stop();
        lease.drop();
        state = newState;
        serverReason = reason;
        queuePosition = position;
    }

    /**
     * The server refuses to register this client (it holds no lease): unlicensed until that changes, the Recorder not
     * running, asking again every retry interval (or after the server's {@code Retry-After}, when longer). Logged at
     * WARN when the refusal starts or changes its kind, not at every retry.
     */
    private void registrationRefused(RequestRefusedException refused, RegistrationRefusal refusal, Instant now) {
        contacts.failed(refused, now, address());
        boolean news = state != ClientState.REFUSED || refusedAs != refusal.type();
        parts.recorder().stop();
        state = ClientState.REFUSED;
        refusedAs = refusal.type();
        serverReason = refusal.reason();
        queuePosition = 0;
        Duration wait = ContactTiming.honouringRetryAfter(jitter.spread(settings.timing().retry()), refusal.retryAfter(),
                settings.timing());
        nextContact = now.plus(wait);
        if (news) {
            LOG.warn("Registration refused by {} ({}): {}; the Recorder does not run; asking again in {}{}", address(),
                    refusal.slug(), refusal.reason(), Phrases.duration(wait), refusal.remedy());
        } else {
            LOG.debug("Registration still refused by {} ({}): {}; asking again in {}", address(), refusal.slug(),
                    refusal.reason(), Phrases.duration(wait));
        }
    }

    private void contactFailed(ContactFailedException failure, Instant now) {
        contacts.failed(failure, now, address());
        if (state == ClientState.REFUSED) {
            state = ClientState.UNLICENSED;
        }
        Duration wait = jitter.spread(ContactTiming.afterFailure(settings.timing(), contacts.failures(), lease.holds()));
        if (failure instanceof RequestRefusedException refused) {
            wait = ContactTiming.honouringRetryAfter(wait, refused.retryAfter(), settings.timing());
        }
        nextContact = now.plus(wait);
        String problem = contacts.problem();
        String subjectFirst = failure instanceof ServerUnreachableException ? capitalized(problem) : problem;
        if (contacts.failures() == 1) {
            LOG.warn("{}; trying again in {}", subjectFirst, Phrases.duration(wait));
        } else {
            LOG.info("{} (attempt {}); trying again in {}", subjectFirst, contacts.failures(), Phrases.duration(wait));
        }
    }

    private void expireLeaseIfDue(Instant now) {
        if (!lease.holds() || lease.held().validAt(now)) {
            return;
        }
        LOG.warn("Lease {} expired at {} before it could be renewed: stopping the Recorder and registering again",
                lease.held().leaseId(), Phrases.time(lease.expiresAt()));
        lease.expire();
        state = ClientState.EXPIRED;
        parts.recorder().stop();
        nextContact = earliest(nextContact, now);
    }

    private void markDegradedIfDue(Instant now) {
        if (!lease.holds()) {
            return;
        }
        boolean degraded = !now.isBefore(degradedAt());
        if (degraded && state != ClientState.DEGRADED) {
            LOG.warn("No contact with {} for more than {}: degraded, still recording while the lease is valid (until {})",
                    address(), Phrases.duration(settings.timing().degradedAfter()), Phrases.time(lease.expiresAt()));
            state = ClientState.DEGRADED;
        } else if (!degraded && state == ClientState.DEGRADED) {
            state = ClientState.LICENSED;
        }
    }

    private Instant degradedAt() {
        Instant since = contacts.lastSuccess() != null ? contacts.lastSuccess() : lease.held().payload().issuedAt();
        return since.plus(settings.timing().degradedAfter());
    }

    private void loadLeaseFromDisk(Instant now) {
        LeaseKeeper.Found found = lease.loadFromDisk(now);
        state = found == LeaseKeeper.Found.EXPIRED ? ClientState.EXPIRED
                : found == LeaseKeeper.Found.VALID ? ClientState.LICENSED : ClientState.UNLICENSED;
        if (found == LeaseKeeper.Found.VALID) {
            parts.recorder().start();
        }
    }

    private void applyChangedSettings(Instant now) {
        Optional<ServiceSettings> changed = parts.settings().changed();
        if (changed.isEmpty()) {
            return;
        }
        ServiceSettings previous = settings;
        settings = changed.get();
        nextContact = now;
        if (previous.server().equals(settings.server())) {
            LOG.info("client.json changed: applying the new settings and checking in now");
            return;
        }
        connectTo(settings.server());
        LOG.info("client.json now names the server {} (was {}): contacting it now", address(),
                previous.server().addresses().stream().map(ServerAddress::text).collect(Collectors.joining(", ")));
        contacts.forgetFailures();
        reportedVersion = null;
        if (!lease.stillTrusted()) {
            parts.recorder().stop();
            state = ClientState.UNLICENSED;
        }
    }

    private void recorderChanged() {
        if (stopped) {
            return;
        }
        reportRecorderChange();
        save();
    }

    /** Tells the server at once when the Recorder started or stopped since it last heard, so its Recorder column is current. */
    private void reportRecorderChange() {
        Version running = runningVersion();
        if (running.equals(reportedVersion) || !contacts.inContact()) {
            return;
        }
        report("Recorder " + running.display());
    }

    /** Sends the Recorder version, the state, the content revision and the update reports now. */
    private void report(String what) {
        Version running = runningVersion();
        reportedVersion = running;
        try {
            connection.report(requests.report(running, state, snapshot().reason()));
            LOG.info("Reported {} to {}", what, address());
        } catch (ContactFailedException e) {
            LOG.info("Could not report {} to {}: {}; the next check-in carries it", what, address(), e.getMessage());
        }
    }

    private void reportUpdates() {
        if (stopped || !lease.holds()) {
            return;
        }
        report("the update state");
        save();
    }

    private void persistSequence(long value) {
        statusKeeper.saveSequence(value, () -> snapshot(value));
    }

    private void persistRebasedSequence(long value) {
        statusKeeper.saveRebasedSequence(value, () -> snapshot(value));
    }

    private void save() {
        statusKeeper.saveIfChanged(snapshot(sequence.last()));
    }

    private ClientStatus snapshot() {
        return snapshot(sequence == null ? 0 : sequence.last());
    }

    private ClientStatus snapshot(long lastSequence) {
        Version running = runningVersion();
        String reason = new StatusReason(state, address(), serverReason, queuePosition, lease.expiresAt(),
                settings.timing().degradedAfter(), contacts.problem(), clock.note().orElse(null), stopped).text();
        return new ClientStatus(state, reason, address(), clientId, settings.computer().display(),
                contacts.lastAttempt(), contacts.lastSuccess(), contacts.unreachableSince(), nextContact,
                lease.expiresAt(), !running.equals(Version.NONE), running,
                clock.highestSeen(), lastSequence, parts.recorder().version(), updates.contentRevision(),
                updates.reports());
    }

    private void connectTo(ServiceSettings.ServerEndpoint server) {
        connection = parts.connector().connect(server, parts.clientKey(), sequence);
        lease.trust(server.serverKey());
    }

    private Version runningVersion() {
        return parts.recorder().running() ? parts.recorder().version() : Version.NONE;
    }

    /** The server in use, or (before any answered, or when none does) the configured one or list. */
    private String address() {
        Optional<String> inUse = connection == null ? Optional.empty() : connection.inUse();
        if (inUse.isPresent()) {
            return inUse.get();
        }
        ServiceSettings.ServerEndpoint server = settings.server();
        return server.alternates().isEmpty() ? server.address()
                : "any of " + server.addresses().stream().map(ServerAddress::text).collect(Collectors.joining(", "));
    }

    /** Whether {@code server} (as {@link #address()} gave it) is one of the configured servers. */
    private boolean isConfigured(String server) {
        return settings.server().addresses().stream()
                .anyMatch(address -> server.equals(address.text()) || server.startsWith(address.text() + " ("));
    }

    /** What the updates see of this service. */
    private final class Host implements UpdateHost {
        @Override
        public ServerConnection connection() {
            return connection;
        }

        @Override
        public ServiceSettings settings() {
            return settings;
        }

        @Override
        public void report() {
            parts.scheduler().schedule(Duration.ZERO, ClientService.this::reportUpdates);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
