package dev.primary.bench.micro;

import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.licensing.CheckInIndex;
import dev.primary.server.licensing.CheckInIndexStore;
import dev.primary.server.licensing.CheckInKeys;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.ContactBatch;
import dev.primary.server.licensing.IdentityPolicy;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.UpdateAdvisor;
import dev.primary.server.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The licensing core over the real SQLite store ({@link SqliteStore}: WAL, {@code synchronous=FULL}, one writer
 * that group-commits), in a temporary directory, with an active license and {@code clients} registered clients,
 * built the way {@code primary-server-core}'s own tests build it. Clients enroll with an enrollment token made for
 * the bench (the server's default), or with none when the core enrolls openly.
 */
final class LicensedStore implements AutoCloseable {
    private static final String SERVER_ID = "bench-server-0001";
    private static final String SERIAL = "BENCH-1";
    private static final String ACTOR = "bench";

    /** The one check-in key (version 1) of every client when contacts are deferred: how keys are made is not measured. */
    static final byte[] CHECK_IN_KEY = new byte[RequestMac.LENGTH];
    private static final CheckInKeys ONE_KEY = new CheckInKeys() {
        @Override
        public int currentVersion() {
            return 1;
        }

        @Override
        public Optional<byte[]> key(int version, String clientId) {
            return version == 1 ? Optional.of(CHECK_IN_KEY) : Optional.empty();
        }
    };

    private final Path directory;
    private final SqliteStore store;
    private final Licensing licensing;
    private final ContactBatch contacts;
    private final String enrollmentToken;
    private final List<RegisteredClient> clients = new ArrayList<>();

    private LicensedStore(Path directory, SqliteStore store, Licensing licensing, ContactBatch contacts,
            String enrollmentToken) {
        this.directory = directory;
        this.store = store;
        this.licensing = licensing;
        this.contacts = contacts;
        this.enrollmentToken = enrollmentToken;
    }

    /** Opens a fresh store licensed for {@code clients} seats and registers that many clients (16 at a time). */
    static LicensedStore open(int clients) {
        return open(clients, clients, false);
    }

    /**
     * Opens a fresh store licensed for {@code seats} seats and registers {@code clients} clients (16 at a time):
     * with an enrollment token (no limit of uses), or with none when {@code openEnrollment}.
     */
    static LicensedStore open(int clients, int seats, boolean openEnrollment) {
        return open(clients, seats, openEnrollment, false, false);
    }

    /**
     * As {@link #open(int, int, boolean)}; with {@code deferringContacts} the core is the server's: check-ins that
     * change nothing but their last contact wait in a {@link ContactBatch} (2 s window), and {@code verify} may be
     * authenticated with a check-in MAC ({@link #CHECK_IN_KEY}); with {@code indexed} too, such check-ins are decided
     * from a {@link CheckInIndex} where it can, as a server alone on its store does.
     */
    static LicensedStore open(int clients, int seats, boolean openEnrollment, boolean deferringContacts,
            boolean indexed) {
        return open(clients, seats, openEnrollment, deferringContacts, indexed, databaseFile -> { });
    }

    /**
     * As {@link #open(int, int, boolean, boolean, boolean)}, with {@code beforeOpen} given the database file first
     * (it does not exist yet): a benchmark may make and change the database there before the store opens it.
     */
    static LicensedStore open(int clients, int seats, boolean openEnrollment, boolean deferringContacts,
            boolean indexed, Consumer<Path> beforeOpen) {
        Path directory;
        try {
            directory = Files.createTempDirectory("primary-bench-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        beforeOpen.accept(directory.resolve("primary.db"));
        SigningKey vendorKey = CheckInSamples.key(-1);
        LicensingSettings settings = new LicensingSettings(SERVER_ID, "0.1.0", "sha256/bench", Duration.ofDays(7),
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofDays(30), () -> List.of(vendorKey.publicKey()));
        SqliteStore store = SqliteStore.open(directory.resolve("primary.db"));
        CheckInIndex index = indexed ? new CheckInIndex(CheckInIndex.Limits.DEFAULT) : null;
        LicensingStore core = indexed ? new CheckInIndexStore<>(store, index) : store;
        ContactBatch contacts = deferringContacts ? ContactBatch.started(core, ContactBatch.Limits.DEFAULT) : null;
        Licensing licensing = new Licensing(settings.withIdentity(IdentityPolicy.DEFAULTS.withOpenEnrollment(
                openEnrollment)), core, CheckInSamples.key(0), Clock.systemUTC(), UpdateAdvisor.NONE, contacts,
                deferringContacts ? ONE_KEY : null, index);
        String token = openEnrollment ? ""
                : licensing.createEnrollmentToken(new EnrollmentTokenRequest(ACTOR, 0, 0, ""), ACTOR).token();
        LicensedStore licensed = new LicensedStore(directory, store, licensing, contacts, token);
        licensed.activateLicense(vendorKey, seats);
        licensed.register(clients);
        return licensed;
    }

    Licensing licensing() {
        return licensing;
    }

    /** The store itself, for reads outside the licensing core. */
    SqliteStore store() {
        return store;
    }

    /** The token clients register with; empty with open enrollment. */
    String enrollmentToken() {
        return enrollmentToken;
    }

    /** The clients of caller {@code caller} out of {@code callers}: every {@code callers}-th one, none shared. */
    List<RegisteredClient> clientsOf(int caller, int callers) {
        if (caller >= callers || callers > clients.size()) {
            throw new IllegalArgumentException("caller " + caller + " of " + callers + " for " + clients.size()
                    + " clients");
        }
        List<RegisteredClient> mine = new ArrayList<>();
        for (int i = caller; i < clients.size(); i += callers) {
            mine.add(clients.get(i));
        }
        return mine;
    }

    /** The clients of caller {@code caller} out of {@code callers} (as {@link #clientsOf}), taken in turn. */
    Turns turnsOf(int caller, int callers) {
        return new Turns(clientsOf(caller, callers));
    }

    /** One caller thread's clients, each in its turn, round and round. */
    static final class Turns {
        private final List<RegisteredClient> clients;
        private int next;

        private Turns(List<RegisteredClient> clients) {
            this.clients = clients;
        }

        RegisteredClient next() {
            RegisteredClient client = clients.get(next);
            next = (next + 1) % clients.size();
            return client;
        }
    }

    /**
     * The store's own counters of writes and of commits so far (package-private in the store, read reflectively):
     * more writes than commits means the writer grouped them. Both -1 when they cannot be read.
     */
    long[] writesAndCommits() {
        try {
            Method writes = SqliteStore.class.getDeclaredMethod("writesCommitted");
            Method commits = SqliteStore.class.getDeclaredMethod("commits");
            writes.setAccessible(true);
            commits.setAccessible(true);
            return new long[] {(long) writes.invoke(store), (long) commits.invoke(store)};
        } catch (ReflectiveOperationException e) {
            return new long[] {-1, -1};
        }
    }

    @Override
    public void close() {
        if (contacts != null) {
            contacts.close();
        }
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void activateLicense(SigningKey vendorKey, int seats) {
        Instant now = Instant.now();
        LicensePayload terms = new LicensePayload(SERIAL, "Example Corp", seats, now.minusSeconds(3600), null,
                List.of("recorder"));
        licensing.importLicense(SignedDocument.sign(SignedDocument.LICENSE, Json.write(terms), vendorKey), "bench");
        String code = RegistrationCode.of(SERIAL, SERVER_ID).text();
        licensing.unlock(SignedDocument.sign(SignedDocument.UNLOCK, Json.write(new UnlockPayload(SERIAL, code, now)),
                vendorKey), "bench");
    }

    private void register(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<RegisteredClient>> registered = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int number = n;
                registered.add(pool.submit(() -> registerOne(number)));
            }
            for (Future<RegisteredClient> client : registered) {
                clients.add(client.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the clients", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("registering a client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private RegisteredClient registerOne(int number) {
        SigningKey key = CheckInSamples.key(1_000 + number);
        String clientId = key.publicKey().keyId();
        RegisterRequest request = CheckInSamples.register(number, key, enrollmentToken);
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/register", clientId, 1, Json.write(request));
        CheckInAnswer answer = licensing.register(new ClientCredentials(clientId, 1, key.sign(signed), signed), request);
        if (!(answer instanceof CheckInAnswer.Licensed licensed)) {
            throw new IllegalStateException("client " + number + " was not licensed: " + answer);
        }
        String leaseId = Json.read(licensed.lease().unverifiedPayload(), LeasePayload.class).leaseId();
        VerifyRequest verify = contacts != null ? CheckInSamples.verifyKeepingLease(leaseId)
                : CheckInSamples.verify(leaseId);
        byte[] verifySigned = RequestSignature.signedBytes("POST", CheckInSamples.VERIFY_PATH, clientId, 2,
                Json.write(verify));
        return new RegisteredClient(clientId, verify, Json.write(verify), verifySigned, key.sign(verifySigned), 1);
    }

    /**
     * A registered client's verify: the request, and the bytes its signature covers and the signature (made once:
     * the core verifies the signature over these bytes at every check-in and checks the sequence on its own, so
     * each check-in carries the next sequence without the client's signing cost in the measurement). Used by one
     * thread at a time.
     */
    static final class RegisteredClient {
        private final String clientId;
        private final VerifyRequest request;
        private final byte[] body;
        private final byte[] signedBytes;
        private final byte[] signature;
        private long sequence;

        RegisteredClient(String clientId, VerifyRequest request, byte[] body, byte[] signedBytes, byte[] signature,
                long sequence) {
            this.clientId = clientId;
            this.request = request;
            this.body = body;
            this.signedBytes = signedBytes;
            this.signature = signature;
            this.sequence = sequence;
        }

        /** One verify check-in: authenticated, written (durable) and answered with a signed lease. */
        CheckInAnswer verify(Licensing server) {
            return server.verify(new ClientCredentials(clientId, ++sequence, signature, signedBytes), request);
        }

        /**
         * One verify authenticated with a check-in MAC over its next sequence, as a Client Service that holds a key
         * sends it (the client's part, the bytes and the MAC, about a microsecond, is measured with it).
         */
        CheckInAnswer verifyWithMac(Licensing server) {
            long next = ++sequence;
            byte[] signed = RequestSignature.signedBytes("POST", CheckInSamples.VERIFY_PATH, clientId, next, body);
            return server.verify(ClientCredentials.maced(clientId, next, RequestMac.mac(CHECK_IN_KEY, signed), signed,
                    "", 1), request);
        }
    }
}
