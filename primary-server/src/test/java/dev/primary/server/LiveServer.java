package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.config.ServerConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import dev.primary.protocol.tls.PinnedTls;

/**
 * The real server for update tests: real licensing and release core on SQLite in a temp folder, real file
 * package store, TLS over loopback; a vendor key and a release key trusted through their folders, an active
 * license, and one registered client whose signed requests it can make.
 */
final class LiveServer implements AutoCloseable {
    private String enrollmentToken = "";
    final PrimaryServer server;
    final PinnedHttps client;
    final PinnedHttps admin;
    final SigningKey releaseKey = Ed25519.generate();
    final SigningKey clientKey = Ed25519.generate();
    private final SigningKey vendorKey = Ed25519.generate();
    private long sequence = System.currentTimeMillis();

    private LiveServer(ServerConfiguration configuration, LicensingBackend.Opener opener) {
        KeyFiles.writePublic(configuration.trustedVendorsDirectory().resolve("vendor.pub"), vendorKey.publicKey().encoded());
        KeyFiles.writePublic(configuration.trustedReleaseKeysDirectory().resolve("release.pub"),
                releaseKey.publicKey().encoded());
        this.server = PrimaryServer.start(configuration, Clock.systemUTC(), opener);
        this.client = new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
        this.admin = new PinnedHttps(server.adminUri(), server.tlsPin());
    }

    /** A server with an active license and one licensed client, {@code CORP\PC1}, that announces no nudge port. */
    static LiveServer startLicensed(ServerConfiguration configuration) throws Exception {
        return startLicensed(configuration, 0);
    }

    /** A server with an active license and one licensed client, {@code CORP\PC1}, announcing {@code nudgePort}. */
    static LiveServer startLicensed(ServerConfiguration configuration, int nudgePort) throws Exception {
        return startLicensed(configuration, nudgePort, SqliteLicensing::open);
    }

    /** As {@link #startLicensed(ServerConfiguration, int)}, with the core and its stores from {@code opener}. */
    static LiveServer startLicensed(ServerConfiguration configuration, int nudgePort, LicensingBackend.Opener opener)
            throws Exception {
        LiveServer live = new LiveServer(configuration, opener);
        try {
            live.activateLicense();
            live.enrollmentToken = live.createEnrollmentToken();
            live.registerClient(live.clientKey, "PC1", nudgePort);
            return live;
        } catch (Exception | AssertionError e) {
            live.close();
            throw e;
        }
    }

    String[] bearer() throws IOException {
        return new String[] {"Authorization", "Bearer "
                + Files.readString(server.dataDirectory().resolve("admin-token")).strip()};
    }

    private void activateLicense() throws Exception {
        LicensePayload license = new LicensePayload("ACME-1", "ACME Corp", 5, Instant.now().minus(Duration.ofDays(1)),
                null, List.of());
        HttpResponse<String> imported = admin.postJson("/admin/v1/licenses",
                json(SignedDocument.sign(SignedDocument.LICENSE, Json.write(license), vendorKey)), bearer());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        LicenseView pending = Json.read(imported.body().getBytes(StandardCharsets.UTF_8), LicenseView.class);
        UnlockPayload unlock = new UnlockPayload("ACME-1", pending.registrationCode(), Instant.now());
        HttpResponse<String> unlocked = admin.postJson("/admin/v1/unlocks",
                json(SignedDocument.sign(SignedDocument.UNLOCK, Json.write(unlock), vendorKey)), bearer());
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
    }

    /** Creates an enrollment token of unlimited uses through the admin API, as {@code primary-admin} does. */
    /** Creates the account {@code name} with {@code role} and {@code password} through the admin API. */
    void createAccount(String name, AccountRole role, String password) throws Exception {
        HttpResponse<String> created = admin.postJson("/admin/v1/accounts",
                json(new AccountRequest(name, role, password)), bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    String createEnrollmentToken() throws Exception {
        HttpResponse<String> created = admin.postJson("/admin/v1/enrollment-tokens",
                json(new EnrollmentTokenRequest("tests", 0, 3600, "")), bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body().getBytes(StandardCharsets.UTF_8), CreatedEnrollmentToken.class).token();
    }

    /** Registers a client of computer {@code CORP\<name>} running Recorder 1.0.1, enrolled with this server's token. */
    void registerClient(SigningKey key, String name, int nudgePort) throws Exception {
        byte[] body = Json.write(new RegisterRequest(ComputerIdentity.computer(name, "CORP"), "Linux 6.1 amd64",
                new Version(1, 0, 1), new Version(1, 0, 1), key.publicKey().encoded(), 14400, nudgePort,
                enrollmentToken));
        HttpResponse<String> registered = client.post("/v1/register", "application/json", body,
                SignedRequests.headers(key, "POST", "/v1/register", ++sequence, body));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(Json.read(registered.body().getBytes(StandardCharsets.UTF_8), CheckInAnswer.class))
                .isInstanceOf(CheckInAnswer.Licensed.class);
    }

    /** {@code POST /v1/register} of computer {@code CORP\<name>} by {@code key} with {@code token}; the raw answer. */
    HttpResponse<String> register(SigningKey key, String name, String token) throws Exception {
        byte[] body = Json.write(new RegisterRequest(ComputerIdentity.computer(name, "CORP"), "Linux 6.1 amd64",
                new Version(1, 0, 1), Version.NONE, key.publicKey().encoded(), 14400, 0, token));
        return client.post("/v1/register", "application/json", body,
                SignedRequests.headers(key, "POST", "/v1/register", ++sequence, body));
    }

    /** {@code POST /v1/verify} by the licensed client {@code CORP\PC1}; the raw answer. */
    HttpResponse<String> verifyClient(String leaseId) throws Exception {
        byte[] body = Json.write(new dev.primary.protocol.message.VerifyRequest(leaseId, new Version(1, 0, 1), 14400));
        return client.post("/v1/verify", "application/json", body,
                SignedRequests.headers(clientKey, "POST", "/v1/verify", ++sequence, body));
    }

    String enrollmentToken() {
        return enrollmentToken;
    }

    /** Uploads {@code bytes} to {@code PUT /admin/v1/packages/<sha256>}. */
    HttpResponse<String> upload(String sha256, byte[] bytes) throws Exception {
        return admin.send(admin.request("/admin/v1/packages/" + sha256, bearer())
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Uploads {@code bytes} and adds them as recorder release {@code version}. */
    HttpResponse<String> publishRelease(byte[] bytes, Version version) throws Exception {
        String sha256 = Sha256.hex(bytes);
        HttpResponse<String> uploaded = upload(sha256, bytes);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isIn(200, 201);
        return admin.postJson("/admin/v1/releases", json(releaseManifest(sha256, bytes.length, version)), bearer());
    }

    SignedDocument releaseManifest(String sha256, long size, Version version) {
        ReleaseManifest manifest = new ReleaseManifest(Product.RECORDER, version, "recorder.pkg", size, sha256,
                Version.NONE, "test release", Instant.now(), false);
        return SignedDocument.sign(SignedDocument.RELEASE, Json.write(manifest), releaseKey);
    }

    /** {@code GET /v1/packages/<sha256>} signed as the registered client, body as bytes. */
    HttpResponse<byte[]> download(String sha256, String... headers) throws Exception {
        return download(sha256, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    <T> HttpResponse<T> download(String sha256, HttpResponse.BodyHandler<T> body, String... headers) throws Exception {
        return download(clientKey, sha256, body, headers);
    }

    <T> HttpResponse<T> download(SigningKey key, String sha256, HttpResponse.BodyHandler<T> body, String... headers)
            throws Exception {
        String path = "/v1/packages/" + sha256;
        String[] signed = SignedRequests.headers(key, "GET", path, ++sequence, new byte[0]);
        String[] all = Stream.concat(Stream.of(signed), Stream.of(headers)).toArray(String[]::new);
        return clientHttp().send(client.request(path, all).GET().build(), body);
    }

    private java.net.http.HttpClient clientHttp() {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .sslContext(PinnedTls.trusting(server.tlsPin())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A raw TLS connection to the admin port, for requests no well-behaved client sends. */
    SSLSocket rawAdminConnection() throws IOException {
        SSLSocket socket = (SSLSocket) PinnedTls.trusting(server.tlsPin()).getSocketFactory()
                .createSocket("127.0.0.1", server.adminPort());
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return socket;
    }

    /** Writes a request head on a raw connection. */
    static void writeHead(OutputStream out, String head) throws IOException {
        out.write(head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static final java.util.regex.Pattern CONTENT_LENGTH =
            java.util.regex.Pattern.compile("(?i)content-length: (\\d+)");

    /** Reads what the server answers on a raw connection until it closes it or {@code maxBytes} arrive. */
    static String readAnswer(InputStream in, int maxBytes) throws IOException {
        byte[] buffer = new byte[maxBytes];
        int total = 0;
        try {
            int read;
            while (total < maxBytes && (read = in.read(buffer, total, maxBytes - total)) > 0) {
                total += read;
                String text = new String(buffer, 0, total, StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n");
                java.util.regex.Matcher length = CONTENT_LENGTH.matcher(text);
                if (headEnd >= 0 && length.find()) {
                    if (total >= headEnd + 4 + Integer.parseInt(length.group(1))) {
                        break;
                    }
                }
            }
        } catch (java.net.SocketException e) {
            // the server closed the connection after answering
        }
        return new String(buffer, 0, total, StandardCharsets.ISO_8859_1);
    }

    /** Every file in the package store (temporary uploads included). */
    List<Path> storedFiles() throws IOException {
        Path packages = server.dataDirectory().resolve("packages");
        if (!Files.isDirectory(packages)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(packages)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
