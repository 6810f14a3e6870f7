package dev.primary.server;

import dev.primary.protocol.admin.AuditEntry;
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
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.server.licensing.Administration;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.ClientProtocol;
import dev.primary.server.licensing.DownloadRefusedException;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.store.files.FilePackageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small in-memory stand-in for the licensing core: answers hello, checks client signatures
 * against the key in the register body, grants a signed lease, and records what the edge passed in.
 * A test can make the next call throw with {@link #failNextWith}.
 */
public final class FakeLicensing implements ClientProtocol, Administration {
    public final List<ClientCredentials> credentialsSeen = new CopyOnWriteArrayList<>();
    public final List<String> actions = new CopyOnWriteArrayList<>();
    public final AtomicInteger reclaimRuns = new AtomicInteger();
    public final AtomicReference<ComputerQuery> lastQuery = new AtomicReference<>();
    /** The packages {@link #authorizeDownload} allows. */
    public final Set<String> downloadable = ConcurrentHashMap.newKeySet();
    public final FakeReleases releases;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final LicensingSettings settings;
    private final SigningKey serverKey;
    private final Clock clock;
    private final List<LicenseView> licenses = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

    public FakeLicensing(LicensingSettings settings, SigningKey serverKey, Clock clock) {
        this.settings = settings;
        this.serverKey = serverKey;
        this.clock = clock;
        this.releases = new FakeReleases(clock);
    }

    /**
     * An opener that hands out a new fake (and a {@link FakeReleases}, with the real file package store in
     * {@code <data-dir>/packages}) and reports it to {@code opened}.
     */
    public static LicensingBackend.Opener opener(AtomicReference<FakeLicensing> opened) {
        return (LicensingSettings settings, SigningKey serverKey, Path dataDirectory, Clock clock) -> {
            FakeLicensing fake = new FakeLicensing(settings, serverKey, clock);
            opened.set(fake);
            return new LicensingBackend(fake, fake, fake.releases,
                    FilePackageStore.open(dataDirectory.resolve("packages")), "fake:" + dataDirectory,
                    () -> fake.closed = true);
        };
    }

    @Override
    public void authorizeDownload(ClientCredentials credentials, String sha256) {
        maybeFail();
        credentialsSeen.add(credentials);
        if (!downloadable.contains(sha256)) {
            throw DownloadRefusedException.unknownPackage("no release or content update has package " + sha256);
        }
    }

    public void failNextWith(RuntimeException failure) {
        nextFailure.set(failure);
    }

    public void addPendingLicense(String serial, String registrationCode) {
        licenses.add(new LicenseView(serial, "ACME", 5, 0, LicenseView.State.PENDING_REGISTRATION, registrationCode,
                clock.instant(), null, List.of(), clock.instant()));
    }

    private void maybeFail() {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Hello hello() {
        maybeFail();
        return new Hello(Hello.PRODUCT, Hello.PROTOCOL_VERSION, settings.serverId(), settings.serverVersion(),
                clock.instant(), serverKey.publicKey().encoded(), settings.tlsPin());
    }

    @Override
    public CheckInAnswer register(ClientCredentials credentials, RegisterRequest request) {
        maybeFail();
        credentialsSeen.add(credentials);
        PublicKey clientKey = PublicKey.decode(request.clientKey());
        if (!clientKey.keyId().equals(credentials.clientId())
                || !clientKey.verifies(credentials.signedBytes(), credentials.signature())) {
            throw new TestProblem(ProblemType.SIGNATURE_INVALID, "signature does not verify");
        }
        Instant now = clock.instant();
        LeasePayload lease = new LeasePayload("lease-1", settings.serverId(), credentials.clientId(), request.computer(),
                "SERIAL-1", List.of(), now, now.plusSeconds(request.verifyIntervalSeconds()),
                now.plus(settings.leaseValidity()));
        return new CheckInAnswer.Licensed(SignedDocument.sign(SignedDocument.LEASE, Json.write(lease), serverKey),
                request.verifyIntervalSeconds());
    }

    @Override
    public CheckInAnswer verify(ClientCredentials credentials, VerifyRequest request) {
        maybeFail();
        credentialsSeen.add(credentials);
        return new CheckInAnswer.WaitingForSeat("all 1 seats are in use", 60, 1);
    }

    @Override
    public void report(ClientCredentials credentials, ReportRequest request) {
        maybeFail();
        credentialsSeen.add(credentials);
    }

    @Override
    public LicenseView importLicense(SignedDocument licenseFile, String actor) {
        maybeFail();
        actions.add("import by " + actor);
        LicenseView view = new LicenseView("SERIAL-1", "ACME", 5, 0, LicenseView.State.PENDING_REGISTRATION,
                "SERIAL-1/AAAA-BBBB-CCCC-DDDD", clock.instant(), null, List.of(), clock.instant());
        licenses.add(view);
        return view;
    }

    @Override
    public LicenseView unlock(SignedDocument unlockFile, String actor) {
        throw new TestProblem(ProblemType.LICENSE_INVALID, "not in this fake");
    }

    @Override
    public List<LicenseView> licenses() {
        maybeFail();
        return new ArrayList<>(licenses);
    }

    @Override
    public LicenseDetail license(String serial) {
        throw new TestProblem(ProblemType.NOT_FOUND, "no license " + serial);
    }

    @Override
    public LicenseSummary summary() {
        maybeFail();
        return new LicenseSummary(5, 1, 1, 0, 0);
    }

    @Override
    public ComputerPage computers(ComputerQuery query) {
        lastQuery.set(query);
        return new ComputerPage(0, query.offset(), query.limit(), List.of());
    }

    @Override
    public ComputerView computer(String computer) {
        maybeFail();
        return view(computer, ComputerState.LICENSED);
    }

    @Override
    public ComputerView verifyLicense(String computer, String actor) {
        return view(computer, ComputerState.LICENSED);
    }

    @Override
    public ComputerView reserve(String computer, String reason, String actor) {
        actions.add("reserve " + computer + " (" + reason + ") by " + actor);
        return view(computer, ComputerState.RESERVED);
    }

    @Override
    public ComputerView release(String computer, String reason, String actor) {
        return view(computer, ComputerState.RELEASED);
    }

    @Override
    public ComputerView revoke(String computer, String reason, String actor) {
        return view(computer, ComputerState.REVOKED);
    }

    @Override
    public ComputerView reinstate(String computer, String reason, String actor) {
        return view(computer, ComputerState.RELEASED);
    }

    @Override
    public ReclaimResult reclaimSilent(String actor) {
        reclaimRuns.incrementAndGet();
        actions.add("reclaim by " + actor);
        return new ReclaimResult(List.of(), 0);
    }

    @Override
    public List<AuditEntry> audit(long beforeId, int limit) {
        return List.of();
    }

    @Override
    public List<AuditEntry> audit(dev.primary.server.audit.AuditFilter filter, long beforeId, int limit) {
        return List.of();
    }

    private ComputerView view(String computer, ComputerState state) {
        return new ComputerView(ComputerIdentity.parse(computer), null, "", null, Version.NONE, null, state,
                "fake", null, null, null, null, null);
    }

    /** A core failure as the real core reports them. */
    public static final class TestProblem extends dev.primary.server.PrimaryException {
        public TestProblem(ProblemType type, String message) {
            super(type, message);
        }
    }
}
