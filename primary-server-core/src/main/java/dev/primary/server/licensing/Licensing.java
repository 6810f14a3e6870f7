package dev.primary.server.licensing;

import dev.primary.server.audit.AuditFilter;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentSource;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import dev.primary.protocol.admin.RemovalResult;
import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The licensing core: the client protocol and the administration of seats and licenses, over a
 * {@link LicensingStore}. Decisions that take or free a seat run inside one store write, so seats
 * are never over-granted; leases are signed after that write, on the caller's thread. What a
 * licensed client should install, and what it reports about its updates, come from its
 * {@link UpdateAdvisor}, inside the same write.
 */
public final class Licensing implements ClientProtocol, Administration {
    private static final int MAX_AUDIT_PAGE = 1000;

    private final LicensingSettings settings;
    private final LicensingStore store;
    private final SigningKey serverKey;
    private final Clock clock;
    private final ClientAuthentication authentication;
    private final LeaseIssuer leases;
    private final CheckIns checkIns;
    private final ComputerViews views;
    private final ComputerAdministration computers;
    private final LicenseRegistration registration;
    private final UpdateAdvisor advisor;
    private final Enrollments enrollments;
    private final ContactBatch contacts;
    private final CheckInIndex index;

    /** A licensing core that serves no updates ({@link UpdateAdvisor#NONE}). */
    public Licensing(LicensingSettings settings, LicensingStore store, SigningKey serverKey, Clock clock) {
        this(settings, store, serverKey, clock, UpdateAdvisor.NONE);
    }

    /** A licensing core whose check-ins carry the update directives of {@code advisor} and record the clients' reports. */
    public Licensing(LicensingSettings settings, LicensingStore store, SigningKey serverKey, Clock clock,
            UpdateAdvisor advisor) {
        this(settings, store, serverKey, clock, advisor, null);
    }

    /**
     * A licensing core whose check-ins that change nothing but their last contact are written in batches by
     * {@code contacts} (over the same store), instead of a commit each; {@code null} for a commit each.
     */
    public Licensing(LicensingSettings settings, LicensingStore store, SigningKey serverKey, Clock clock,
            UpdateAdvisor advisor, ContactBatch contacts) {
        this(settings, store, serverKey, clock, advisor, contacts, null);
    }

    /**
     * A licensing core that also hands out {@code checkInKeys} in its licensed answers to signed requests and accepts
     * {@code verify} authenticated with them ({@link dev.primary.protocol.crypto.RequestMac}); {@code null}: every
     * request is signed.
     */
    public Licensing(LicensingSettings settings, LicensingStore store, SigningKey serverKey, Clock clock,
            UpdateAdvisor advisor, ContactBatch contacts, CheckInKeys checkInKeys) {
        this(settings, store, serverKey, clock, advisor, contacts, checkInKeys, null);
    }

    /**
     * A licensing core that also decides contact-only check-ins from {@code index} where it can, instead of a read
     * each ({@code null}: a read each). Only for a server that is its store's only writer, and then every unit of work
     * {@code store} runs must pass a {@link CheckInIndexStore} over that {@code index}, so that it hears of every change.
     */
    public Licensing(LicensingSettings settings, LicensingStore store, SigningKey serverKey, Clock clock,
            UpdateAdvisor advisor, ContactBatch contacts, CheckInKeys checkInKeys, CheckInIndex index) {
        if (index != null && (contacts == null || !index.watched())) {
            throw new IllegalArgumentException("a check-in index needs a contact batch and a store that tells it of"
                    + " every change (CheckInIndexStore)");
        }
        this.index = index;
        this.contacts = contacts;
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        SeatPool pool = new SeatPool();
        this.authentication = new ClientAuthentication(store, clock, settings.identity().sequenceMargin(),
                checkInKeys);
        this.leases = new LeaseIssuer(settings.serverId(), settings.leaseValidity(), serverKey);
        this.checkIns = new CheckIns(pool, leases, settings.identity());
        this.views = new ComputerViews(settings, advisor);
        this.computers = new ComputerAdministration(store, pool, views, clock, settings.reclaimAfter(),
                settings.identity().waitingExpiry());
        this.enrollments = new Enrollments(store, clock);
        this.registration = new LicenseRegistration(store, new VendorDocuments(settings.trustedVendorKeys()), pool,
                clock, settings.serverId());
    }

    @Override
    public Hello hello() {
        List<String> releaseKeys = settings.trustedReleaseKeys().get().stream().map(PublicKey::encoded).toList();
        return new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, settings.serverId(), settings.serverVersion(),
                clock.instant(), serverKey.publicKey().encoded(), settings.tlsPin(), releaseKeys);
    }

    @Override
    public CheckInAnswer register(ClientCredentials credentials, RegisterRequest request) {
        PublicKey key = authentication.registeringKey(credentials, request.clientKey());
        // A refused token is refused here, from a read, so a flood of them never reaches the store's writer.
        store.read(reads -> checkIns.tokenFor(reads, credentials.clientId(), request.computer(),
                request.enrollmentToken(), clock.instant()));
        String leaseId = leases.newLeaseId();
        try (ContactBatch.Claim claim = claim(credentials)) {
            return withCheckInKey(credentials, answer(store.write(writes -> {
                Instant now = clock.instant();
                CheckInDecision decision = checkIns.register(writes, credentials, key, request, leaseId, now);
                return new CheckInOutcome(decision, directivesFor(writes, decision, now), Set.of());
            })));
        }
    }

    /**
     * A check-in. Signed, it reads the client's key to check the signature; with a check-in MAC it needs no read for
     * that, so a check-in that changes nothing but its last contact costs one store read in all.
     */
    @Override
    public CheckInAnswer verify(ClientCredentials credentials, VerifyRequest request) {
        ClientRecord signer;
        if (credentials.maced()) {
            authentication.requireMac(credentials);
            signer = null;
        } else {
            signer = authentication.knownClient(credentials);
        }
        try (ContactBatch.Claim claim = claim(credentials)) {
            if (claim != null && claim.deferrable() && (signer == null || !signer.revoked())) {
                Optional<CheckInAnswer> deferred = deferredCheckIn(credentials, request, claim);
                if (deferred.isPresent()) {
                    return withCheckInKey(credentials, deferred.get());
                }
            }
            // Drawn only here: a check-in that keeps its lease (most) needs no id, and the draw takes a lock.
            String leaseId = leases.newLeaseId();
            return withCheckInKey(credentials, answer(store.write(writes -> {
                Instant now = clock.instant();
                ClientRecord client = signer != null ? signer : writes.client(credentials.clientId())
                        .orElseThrow(() -> new UnknownClientException("client " + credentials.clientId()
                                + " is not registered with this server; register first"));
                CheckInDecision decision = checkIns.verify(writes, credentials, client, request, leaseId, now);
                Set<Long> failures = advisor.record(writes, decision.computer(), request.updates(),
                        CheckIns.actorOf(credentials), now);
                return new CheckInOutcome(decision, directivesFor(writes, decision, now), failures);
            })));
        }
    }

    /** A licensed answer to a signed request carries the client's check-in key, when this server hands them out. */
    private CheckInAnswer withCheckInKey(ClientCredentials credentials, CheckInAnswer answer) {
        if (answer instanceof CheckInAnswer.Licensed licensed) {
            return authentication.checkInKeyFor(credentials).map(licensed::withCheckInKey).orElse(licensed);
        }
        return answer;
    }

    /**
     * A check-in that changes nothing but the computer's last contact (and the client's sequence), decided from a
     * read taken after its sequence was claimed, or from the {@link CheckInIndex}: answered at once, its contact
     * written with the next batch. Empty when anything else would change (a lease to sign, a seat, a version, an
     * update record): then it is a write.
     */
    private Optional<CheckInAnswer> deferredCheckIn(ClientCredentials credentials, VerifyRequest request,
            ContactBatch.Claim claim) {
        Instant now = clock.instant();
        Optional<CheckInOutcome> outcome = index == null ? decidedFromRead(credentials, request, now, null)
                : decidedWithIndex(credentials, request, now);
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        claim.defer(outcome.get().decision().computer().id(), now);
        return Optional.of(answer(outcome.get()));
    }

    /**
     * A check-in MAC'd with a check-in key, decided from the client's entry in the {@link CheckInIndex} with nothing
     * read or written meanwhile: its contact is deferred to the next batch as in {@link #verify}, and its answer is the
     * one {@code verify} would give. Never waits for the store, a lock or another thread, so the network's own thread
     * may run it. Empty when the check-in needs more (a signed request, a client without an entry, a license written
     * since it was cached, anything to write): then {@code verify} decides it as before. Throws what {@code verify}
     * throws for what it checks (a MAC that does not verify, a sequence not above the last one).
     */
    @Override
    public Optional<CheckInAnswer> verifyAtOnce(ClientCredentials credentials, VerifyRequest request) {
        if (index == null || !credentials.maced()) {
            return Optional.empty();
        }
        // The look-up first: a client without an entry (every client's first check-in after a restart) is declined
        // before its MAC is checked, which the worker then does once.
        Optional<CheckInIndex.Known> known = index.known(credentials.clientId());
        if (known.isEmpty()) {
            return Optional.empty();
        }
        authentication.requireMac(credentials);
        Instant now = clock.instant();
        Optional<CheckInOutcome> outcome;
        try {
            outcome = fromEntry(known.get(), serial -> {
                throw new NotInMemory();
            }, credentials, request, now);
        } catch (NotInMemory e) {
            return Optional.empty();
        }
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        // Claimed after the decision (verify claims before it): a declined attempt must leave no claim behind, or the
        // same request, decided again by verify, would be taken for its own copy.
        try (ContactBatch.Claim claim = contacts.claim(credentials.clientId(), credentials.sequence())) {
            if (!claim.deferrable()) {
                return Optional.empty();
            }
            known.get().accepted(credentials.sequence());
            claim.defer(outcome.get().decision().computer().id(), now);
            return Optional.of(answer(outcome.get()));
        }
    }

    /** From the client's entry in the index, or from a read that makes one. */
    private Optional<CheckInOutcome> decidedWithIndex(ClientCredentials credentials, VerifyRequest request,
            Instant now) {
        Optional<CheckInIndex.Known> known = index.known(credentials.clientId());
        if (known.isPresent()) {
            CheckInIndex.Known entry = known.get();
            Optional<CheckInOutcome> outcome = fromEntry(entry, serial -> store.read(reads -> reads.license(serial)),
                    credentials, request, now);
            if (outcome.isPresent()) {
                entry.accepted(credentials.sequence());
                return outcome;
            }
            if (entry.records() == null) {
                // The advice may need the records now (a rollout began): the next check-in makes a new entry.
                index.clientChanged(credentials.clientId());
            }
            return decidedFromRead(credentials, request, now, null);
        }
        CheckInIndex.Fill fill = index.startFill(credentials.clientId());
        try {
            return decidedFromRead(credentials, request, now, fill);
        } finally {
            if (fill != null) {
                index.abandon(fill);
            }
        }
    }

    /** A contact-only check-in decided from {@code entry}, the license as the index holds it or as {@code read}. */
    private Optional<CheckInOutcome> fromEntry(CheckInIndex.Known entry, Function<String, Optional<License>> read,
            ClientCredentials credentials, VerifyRequest request, Instant now) {
        Optional<License> license = index.license(entry.computer().licenseSerial(), read);
        return checkIns.contactOnly(entry, license, credentials, request, now)
                .flatMap(kept -> ReadOnlyUpdateRecords.advise(advisor, entry.records(), kept.computer(), now)
                        .map(directives -> new CheckInOutcome(kept, directives, Set.of())));
    }

    /** The at-once check-in would have to read the store: no stack, it is an expected turn, not a fault. */
    private static final class NotInMemory extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotInMemory() {
            super("the check-in needs a read of the store", null, false, false);
        }
    }

    /**
     * From a read; with {@code fill}, what the read found also makes the client's entry in the index: the computer,
     * its update records if the advice read them (else none: a later advice that needs them reads the store), and
     * its license unless the index holds it already. So making an entry reads nothing a read would not.
     */
    private Optional<CheckInOutcome> decidedFromRead(ClientCredentials credentials, VerifyRequest request, Instant now,
            CheckInIndex.Fill fill) {
        return store.read(reads -> checkIns.contactOnly(reads, credentials, request, now).flatMap(kept -> {
            if (fill == null) {
                return ReadOnlyUpdateRecords.advise(advisor, reads, kept.computer(), now)
                        .map(directives -> new CheckInOutcome(kept, directives, Set.of()));
            }
            List<List<UpdateRecord>> seen = new ArrayList<>(1);
            Optional<CheckInDirectives> directives = ReadOnlyUpdateRecords.advise(advisor, computerId -> {
                List<UpdateRecord> records = reads.updateRecords(computerId);
                seen.add(records);
                return records;
            }, kept.computer(), now);
            directives.ifPresent(advice -> index.complete(fill, kept.computer(), seen.isEmpty() ? null : seen.get(0),
                    credentials.sequence(), () -> reads.license(kept.computer().licenseSerial())));
            return directives.map(advice -> new CheckInOutcome(kept, advice, Set.of()));
        }));
    }

    /** Claims the request's sequence on this server while it is handled; {@code null} without a contact batch. */
    private ContactBatch.Claim claim(ClientCredentials credentials) {
        return contacts == null ? null : contacts.claim(credentials.clientId(), credentials.sequence());
    }

    @Override
    public void report(ClientCredentials credentials, ReportRequest request) {
        authentication.knownClient(credentials);
        Set<Long> failures;
        try (ContactBatch.Claim claim = claim(credentials)) {
            failures = store.write(writes -> {
                Instant now = clock.instant();
                Set<Long> failed = new HashSet<>();
                for (Computer computer : checkIns.report(writes, credentials, request, now)) {
                    failed.addAll(advisor.record(writes, computer, request.updates(), CheckIns.actorOf(credentials),
                            now));
                }
                return failed;
            });
        }
        if (!failures.isEmpty()) {
            advisor.failuresRecorded(failures);
        }
    }

    @Override
    public EnrollmentCheckAnswer checkEnrollment(EnrollmentCheck check) {
        return enrollments.check(check);
    }

    @Override
    public void authorizeDownload(ClientCredentials credentials, String sha256) {
        authentication.knownClient(credentials);
        try (ContactBatch.Claim claim = claim(credentials)) {
            store.write(writes -> {
                ClientAuthentication.acceptSequence(writes, credentials, null, clock.instant());
                List<Computer> computers = writes.computersOfClient(credentials.clientId());
                if (computers.stream().noneMatch(computer -> computer.state() == ComputerState.LICENSED)) {
                    String where = computers.isEmpty() ? "" : " (" + computers.get(0).identity().display() + " is "
                            + computers.get(0).state().wireName() + ")";
                    throw DownloadRefusedException.notLicensed("client " + credentials.clientId() + " holds no seat"
                            + where + "; packages are served to licensed clients only");
                }
                return null;
            });
        }
        if (!advisor.mayDownload(sha256)) {
            throw DownloadRefusedException.unknownPackage("package " + sha256
                    + " belongs to no release or content update on this server");
        }
    }

    private CheckInDirectives directivesFor(LicensingWrites writes, CheckInDecision decision, Instant now) {
        return decision instanceof CheckInDecision.Lease || decision instanceof CheckInDecision.LeaseKept
                ? advisor.advise(writes, decision.computer(), now)
                : CheckInDirectives.NONE;
    }

    /** What a check-in's write decided, the directives for a licensed client, and the rollouts that got a new failure. */
    private record CheckInOutcome(CheckInDecision decision, CheckInDirectives directives, Set<Long> failures) {
    }

    private CheckInAnswer answer(CheckInOutcome outcome) {
        if (!outcome.failures().isEmpty()) {
            advisor.failuresRecorded(outcome.failures());
        }
        CheckInDecision decision = outcome.decision();
        if (decision instanceof CheckInDecision.Lease lease) {
            CheckInDirectives directives = outcome.directives();
            return new CheckInAnswer.Licensed(leases.sign(lease.terms()), lease.verifyAfterSeconds(),
                    directives.updates(), directives.content());
        }
        if (decision instanceof CheckInDecision.LeaseKept kept) {
            CheckInDirectives directives = outcome.directives();
            return CheckInAnswer.Licensed.keeping(kept.leaseId(), kept.verifyAfterSeconds(), directives.updates(),
                    directives.content());
        }
        if (decision instanceof CheckInDecision.Revoked revoked) {
            return new CheckInAnswer.Revoked(revoked.reason(), settings.revokedRetryAfter().toSeconds());
        }
        if (decision instanceof CheckInDecision.Conflict conflict) {
            throw new ComputerHeldException(conflict.reason());
        }
        Computer waiting = ((CheckInDecision.Waiting) decision).computer();
        return store.read(reads -> {
            int place = reads.queuePosition(waiting);
            String reason = Wording.waiting(reads.poolSize(clock.instant()), place, waiting.stateReason());
            return new CheckInAnswer.WaitingForSeat(reason, settings.waitingRetryAfter().toSeconds(), place);
        });
    }

    @Override
    public LicenseView importLicense(SignedDocument licenseFile, String actor) {
        return registration.importLicense(licenseFile, actor);
    }

    @Override
    public LicenseView unlock(SignedDocument unlockFile, String actor) {
        return registration.unlock(unlockFile, actor);
    }

    @Override
    public List<LicenseView> licenses() {
        Instant now = clock.instant();
        return store.read(reads -> reads.licenses().stream().map(license -> license.view(now)).toList());
    }

    @Override
    public LicenseDetail license(String serial) {
        Instant now = clock.instant();
        return store.read(reads -> {
            License license = reads.license(serial).orElseThrow(() -> new LicenseNotFoundException(
                    "license " + serial + " is not imported on this server"));
            List<LicenseDetail.Seat> seats = reads.seatsOf(serial).stream()
                    .map(holder -> new LicenseDetail.Seat(holder.identity().display(), holder.displayedState(now),
                            holder.issuedLease().map(lease -> lease.issuedAt()).orElse(null)))
                    .toList();
            return new LicenseDetail(license.view(now), seats);
        });
    }

    @Override
    public LicenseSummary summary() {
        Instant now = clock.instant();
        return store.read(reads -> {
            PoolSize pool = reads.poolSize(now);
            HolderCounts holders = reads.holderCounts(now);
            return new LicenseSummary(pool.seats(), pool.used(), holders.active(), holders.reserved(),
                    holders.waiting());
        });
    }

    @Override
    public ComputerPage computers(ComputerQuery query) {
        Instant now = clock.instant();
        return store.read(reads -> {
            ComputerRows rows = reads.computers(query, now);
            return new ComputerPage(rows.total(), query.offset(), query.limit(), views.views(reads, rows.rows(), now));
        });
    }

    @Override
    public ComputerView computer(String computer) {
        Instant now = clock.instant();
        return store.read(reads -> views.view(reads, ComputerLookup.find(reads, computer), now));
    }

    @Override
    public ComputerView verifyLicense(String computer, String actor) {
        return computers.verifyLicense(computer, actor);
    }

    @Override
    public ComputerView reserve(String computer, String reason, String actor) {
        return computers.reserve(computer, reason, actor);
    }

    @Override
    public ComputerView release(String computer, String reason, String actor) {
        return computers.release(computer, reason, actor);
    }

    @Override
    public ComputerView revoke(String computer, String reason, String actor) {
        return computers.revoke(computer, reason, false, actor);
    }

    @Override
    public ComputerView revoke(String computer, String reason, boolean withToken, String actor) {
        return computers.revoke(computer, reason, withToken, actor);
    }

    @Override
    public ComputerView rekey(String computer, String reason, String actor) {
        return computers.rekey(computer, reason, actor);
    }

    @Override
    public RemovalResult removeComputers(ComputerRemoval removal, String actor) {
        return computers.remove(removal, actor);
    }

    @Override
    public int expireSilent(String actor) {
        return computers.expireSilent(actor);
    }

    @Override
    public CreatedEnrollmentToken createEnrollmentToken(EnrollmentTokenRequest request, String actor) {
        return enrollments.create(request, actor);
    }

    @Override
    public List<EnrollmentTokenView> enrollmentTokens() {
        return enrollments.list();
    }

    @Override
    public EnrollmentTokenView revokeEnrollmentToken(String id, String actor) {
        return enrollments.revoke(id, actor);
    }

    @Override
    public List<EnrollmentSource> enrollmentSources(int limit, Map<String, Long> limited) {
        Map<String, Long> enrolled = new HashMap<>();
        store.read(reads -> reads.enrollmentSources(limit)).forEach(source -> enrolled.put(source.address(),
                source.computers()));
        Set<String> addresses = new HashSet<>(enrolled.keySet());
        addresses.addAll(limited.keySet());
        return addresses.stream()
                .map(address -> new EnrollmentSource(address, enrolled.getOrDefault(address, 0L),
                        limited.getOrDefault(address, 0L)))
                .sorted(Comparator.comparingLong((EnrollmentSource source) -> source.enrolled() + source.limited())
                        .reversed().thenComparing(EnrollmentSource::address))
                .limit(limit)
                .toList();
    }

    @Override
    public ComputerView reinstate(String computer, String reason, String actor) {
        return computers.reinstate(computer, reason, actor);
    }

    @Override
    public ReclaimResult reclaimSilent(String actor) {
        return computers.reclaimSilent(actor);
    }

    @Override
    public void recordChange(AuditAction action, String subject, String detail, String actor) {
        Instant now = clock.instant();
        store.write(writes -> {
            writes.audit(new AuditEvent(now, actor, action, subject, detail));
            return null;
        });
    }

    @Override
    public List<AuditEntry> audit(long beforeId, int limit) {
        if (beforeId < 0) {
            throw new InvalidRequestException("before cannot be negative, got " + beforeId);
        }
        if (limit < 1 || limit > MAX_AUDIT_PAGE) {
            throw new InvalidRequestException("limit must be 1 to " + MAX_AUDIT_PAGE + ", got " + limit);
        }
        return store.read(reads -> reads.audit(beforeId, limit));
    }

    @Override
    public List<AuditEntry> audit(AuditFilter filter, long beforeId, int limit) {
        if (beforeId < 0) {
            throw new InvalidRequestException("before cannot be negative, got " + beforeId);
        }
        if (limit < 1 || limit > MAX_AUDIT_PAGE) {
            throw new InvalidRequestException("limit must be 1 to " + MAX_AUDIT_PAGE + ", got " + limit);
        }
        return store.read(reads -> reads.audit(filter, beforeId, limit));
    }

    @Override
    public List<AuditEntry> auditExport(AuditFilter filter, long beforeId) {
        if (beforeId < 0) {
            throw new InvalidRequestException("before cannot be negative, got " + beforeId);
        }
        return store.read(reads -> reads.audit(filter, beforeId, AUDIT_EXPORT_PART + 1));
    }
}
