package dev.primary.server.testing;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.release.PackageStore;
import dev.primary.server.release.ReleaseSettings;
import dev.primary.server.release.Releases;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.store.sqlite.SqliteStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The licensing and release cores wired as the server wires them: one SQLite store for both, real
 * package files, a fake clock, a test vendor with an active license, and a trusted release key.
 */
public final class UpdatesFixture implements AutoCloseable {
    public static final Instant START = LicensingFixture.START;

    public final FakeClock clock = new FakeClock(START);
    public final TestVendor vendor = new TestVendor();
    public final TestReleaseKey releaseKey = new TestReleaseKey();
    public final SigningKey serverKey = Ed25519.generate();
    /** The release keys the server trusts; a test may change them while it runs. */
    public final List<PublicKey> trustedReleaseKeys = new CopyOnWriteArrayList<>(List.of(releaseKey.publicKey()));
    private final Path directory;
    private SqliteStore store;
    private FilePackageStore packages;
    private Releases releases;
    private Licensing licensing;
    private LicensingSettings settings;

    public UpdatesFixture(Path directory) {
        this.directory = directory;
        open();
        licensing.importLicense(vendor.license("ABC-123", 1000, clock.instant().minusSeconds(3600), null), "admin");
        licensing.unlock(vendor.unlock("ABC-123", RegistrationCode.of("ABC-123", LicensingFixture.SERVER_ID).text(),
                clock.instant()), "admin");
    }

    private void open() {
        store = SqliteStore.open(directory.resolve("primary.db"));
        packages = FilePackageStore.open(directory.resolve("packages"));
        releases = new Releases(new ReleaseSettings(() -> List.copyOf(trustedReleaseKeys)), store, packages, clock);
        settings = new LicensingSettings(LicensingFixture.SERVER_ID, "0.1.0", "sha256/test-pin",
                Duration.ofDays(7), Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofDays(30),
                () -> List.of(vendor.publicKey()), () -> List.copyOf(trustedReleaseKeys), LicensingFixture.OPEN);
        licensing = new Licensing(settings, store, serverKey, clock, releases);
    }

    /** Closes everything and opens the same data again, as a server restart does. */
    public void reopen() {
        store.close();
        open();
    }

    public Licensing licensing() {
        return licensing;
    }

    public LicensingSettings settings() {
        return settings;
    }

    public Releases releases() {
        return releases;
    }

    public PackageStore packages() {
        return packages;
    }

    public SqliteStore store() {
        return store;
    }

    /** Stores {@code bytes} as a package; returns its SHA-256. */
    public String upload(byte[] bytes) {
        String sha256 = Sha256.hex(bytes);
        try (PackageStore.Upload upload = packages.begin(sha256, bytes.length)) {
            upload.write(ByteBuffer.wrap(bytes));
            upload.complete();
        }
        return sha256;
    }

    /** A package's bytes for {@code product} {@code version}, different for each. */
    public static byte[] packageBytes(Product product, Version version) {
        return ("package of " + product.wireName() + " " + version.dotted()).getBytes(StandardCharsets.UTF_8);
    }

    /** A manifest for the package {@link #packageBytes} of {@code product} {@code version}. */
    public ReleaseManifest manifest(Product product, Version version, Version minimumClientVersion, boolean downgrade) {
        byte[] bytes = packageBytes(product, version);
        return new ReleaseManifest(product, version, product.wireName() + ".jar", bytes.length, Sha256.hex(bytes),
                minimumClientVersion, "notes of " + version.display(), clock.instant(), downgrade);
    }

    /** Uploads the package and adds a signed release of it. */
    public ReleaseView release(Product product, Version version) {
        return release(manifest(product, version, Version.NONE, false));
    }

    public ReleaseView release(ReleaseManifest manifest) {
        upload(packageBytes(manifest.product(), manifest.version()));
        return releases.addRelease(releaseKey.sign(manifest), "admin");
    }

    /** Uploads a content file and adds its signed revision. */
    public ContentView content(long revision) {
        byte[] bytes = ("content revision " + revision).getBytes(StandardCharsets.UTF_8);
        String sha256 = upload(bytes);
        SignedDocument signed = releaseKey.sign(new ContentManifest(revision, "signatures.dat", bytes.length, sha256,
                "revision " + revision, clock.instant()));
        return releases.addContent(signed, "admin");
    }

    /** A client of {@code name} that registers and gets its lease. */
    public TestClient licensedClient(String name) {
        TestClient client = TestClient.named(name);
        if (!(client.register(licensing) instanceof CheckInAnswer.Licensed)) {
            throw new IllegalStateException(name + " did not get a lease");
        }
        return client;
    }

    @Override
    public void close() {
        store.close();
    }
}
