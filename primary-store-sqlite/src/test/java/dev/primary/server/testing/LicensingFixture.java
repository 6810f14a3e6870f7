package dev.primary.server.testing;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.IdentityPolicy;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A licensing core over a real SQLite file, a fake clock and a test vendor. */
public final class LicensingFixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    public static final String SERVER_ID = "srv-test-0001";

    public final FakeClock clock = new FakeClock(START);
    public final TestVendor vendor = new TestVendor();
    public final SigningKey serverKey = Ed25519.generate();
    public final Path databaseFile;
    private final LicensingSettings settings;
    private SqliteStore store;
    private Licensing licensing;

    /**
     * Open enrollment unless a test says otherwise: the tests of seats, queues and leases register clients
     * without tokens; the tests of enrollment itself use {@link #LicensingFixture(Path, IdentityPolicy)}.
     */
    public static final IdentityPolicy OPEN = IdentityPolicy.DEFAULTS.withOpenEnrollment(true);

    public LicensingFixture(Path directory) {
        this(directory, Duration.ofDays(30));
    }

    public LicensingFixture(Path directory, Duration reclaimAfter) {
        this(directory, reclaimAfter, OPEN);
    }

    public LicensingFixture(Path directory, IdentityPolicy identity) {
        this(directory, Duration.ofDays(30), identity);
    }

    public LicensingFixture(Path directory, Duration reclaimAfter, IdentityPolicy identity) {
        try {
            this.databaseFile = java.nio.file.Files.createDirectories(directory).resolve("primary.db");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.settings = new LicensingSettings(SERVER_ID, "0.1.0", "sha256/test-pin", Duration.ofDays(7),
                Duration.ofSeconds(60), Duration.ofHours(1), reclaimAfter, () -> List.of(vendor.publicKey()),
                List::of, identity);
        open();
    }

    public Licensing licensing() {
        return licensing;
    }

    public SqliteStore store() {
        return store;
    }

    /** Whether the store holds a record of client {@code clientId}. */
    public boolean knowsClient(String clientId) {
        Boolean known = store.read(reads -> reads.client(clientId).isPresent());
        return known;
    }

    public LicensingSettings settings() {
        return settings;
    }

    /** Closes the store and opens the same database again, as a server restart does. */
    public void reopen() {
        store.close();
        open();
    }

    private void open() {
        store = SqliteStore.open(databaseFile);
        licensing = new Licensing(settings, store, serverKey, clock);
    }

    /** Imports and unlocks a perpetual license of {@code seats} seats. */
    public LicenseView activeLicense(String serial, int seats) {
        return activeLicense(serial, seats, null);
    }

    public LicenseView activeLicense(String serial, int seats, Instant expiresAt) {
        licensing.importLicense(vendor.license(serial, seats, clock.instant().minusSeconds(3600), expiresAt), "admin");
        return unlock(serial);
    }

    public LicenseView unlock(String serial) {
        String code = RegistrationCode.of(serial, SERVER_ID).text();
        return licensing.unlock(vendor.unlock(serial, code, clock.instant()), "admin");
    }

    public ComputerView view(TestClient client) {
        return licensing.computer(client.computer().display());
    }

    @Override
    public void close() {
        store.close();
    }
}
