package dev.primary.server.testing;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.server.licensing.ClientProtocol;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A Client Service as the server sees it: its own key, its sequence, its lease. */
public final class TestClient {
    public static final long VERIFY_INTERVAL = 4 * 3600;

    private final SigningKey key;
    private final ComputerIdentity computer;
    private final AtomicLong sequence;
    private volatile String enrollmentToken = "";
    private volatile String leaseId = "none";
    private volatile Version recorderVersion = Version.NONE;
    private volatile Version clientVersion = new Version(1, 0, 7);
    private volatile long contentRevision;
    private volatile int nudgePort;
    private volatile String remoteAddress = "";
    private volatile List<UpdateReport> updateReports = List.of();
    private volatile boolean keepsCurrentLease;

    public TestClient(ComputerIdentity computer) {
        this(Ed25519.generate(), computer, new AtomicLong());
    }

    private TestClient(SigningKey key, ComputerIdentity computer, AtomicLong sequence) {
        this.key = key;
        this.computer = computer;
        this.sequence = sequence;
    }

    /** The same client (key and sequence) claiming another computer, as a client whose name was changed would. */
    public TestClient claiming(String otherComputer) {
        TestClient other = new TestClient(key, ComputerIdentity.parse(otherComputer), sequence);
        other.enrollmentToken = enrollmentToken;
        other.remoteAddress = remoteAddress;
        return other;
    }

    /** The enrollment token it sends when it registers (as the Deployment Utility wrote it). */
    public TestClient carrying(String token) {
        enrollmentToken = token;
        return this;
    }

    public static TestClient named(String computer) {
        return new TestClient(ComputerIdentity.parse(computer));
    }

    public String clientId() {
        return key.publicKey().keyId();
    }

    public ComputerIdentity computer() {
        return computer;
    }

    public void runsRecorder(Version version) {
        recorderVersion = version;
    }

    /** The Client Service version it reports (1.0.7 unless changed). */
    public void runsClient(Version version) {
        clientVersion = version;
    }

    public void appliedContent(long revision) {
        contentRevision = revision;
    }

    /** Announces {@code port} for nudges and sends its requests from {@code address}. */
    public void reachableAt(String address, int port) {
        remoteAddress = address;
        nudgePort = port;
    }

    /** From now on it says in its check-ins that it keeps its current lease when the server tells it to. */
    public TestClient keepingCurrentLease() {
        keepsCurrentLease = true;
        return this;
    }

    /** The id of the lease it holds ({@code none} before its first). */
    public String leaseId() {
        return leaseId;
    }

    /** Its next check-in, as it would send it. */
    public VerifyRequest verifyRequest() {
        return new VerifyRequest(leaseId, recorderVersion, VERIFY_INTERVAL, clientVersion, contentRevision, nudgePort,
                updateReports, keepsCurrentLease);
    }

    /** The update reports it carries in its next check-ins and reports. */
    public void reports(UpdateReport... reports) {
        updateReports = List.of(reports);
    }

    public RegisterRequest registerRequest() {
        return new RegisterRequest(computer, "Linux 6.1 amd64", clientVersion, recorderVersion,
                key.publicKey().encoded(), VERIFY_INTERVAL, nudgePort, enrollmentToken);
    }

    public CheckInAnswer register(ClientProtocol server) {
        RegisterRequest request = registerRequest();
        return remember(server.register(credentials("/v1/register", request), request));
    }

    public CheckInAnswer verify(ClientProtocol server) {
        VerifyRequest request = verifyRequest();
        return remember(server.verify(credentials("/v1/verify", request), request));
    }

    /** A check-in authenticated with check-in key {@code key} of version {@code keyVersion} instead of a signature. */
    public CheckInAnswer verifyWithMac(ClientProtocol server, int keyVersion, byte[] key) {
        MacedCheckIn next = macedCheckIn(keyVersion, key);
        return remember(server.verify(next.credentials(), next.request()));
    }

    /** The next check-in MAC'd with {@code key}, sent to {@link ClientProtocol#verifyAtOnce}; remembered if answered. */
    public Optional<CheckInAnswer> verifyAtOnceWithMac(ClientProtocol server, int keyVersion, byte[] key) {
        MacedCheckIn next = macedCheckIn(keyVersion, key);
        return server.verifyAtOnce(next.credentials(), next.request()).map(this::remember);
    }

    /** The next check-in MAC'd with {@code key} (the next sequence), to send once or more. */
    public MacedCheckIn macedCheckIn(int keyVersion, byte[] key) {
        VerifyRequest request = verifyRequest();
        long next = sequence.incrementAndGet();
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/verify", clientId(), next, Json.write(request));
        return new MacedCheckIn(ClientCredentials.maced(clientId(), next,
                dev.primary.protocol.crypto.RequestMac.mac(key, signed), signed, remoteAddress, keyVersion), request);
    }

    /** A check-in's credentials and body. */
    public record MacedCheckIn(ClientCredentials credentials, VerifyRequest request) {
    }

    public void report(ClientProtocol server, String clientState) {
        ReportRequest request = new ReportRequest(recorderVersion, clientState, "", contentRevision, updateReports);
        server.report(credentials("/v1/report", request), request);
    }

    /** Asks to fetch package {@code sha256}, signed as the edge checks it: a GET over an empty body. */
    public void download(ClientProtocol server, String sha256) {
        String path = "/v1/packages/" + sha256;
        long next = sequence.incrementAndGet();
        byte[] signed = RequestSignature.signedBytes("GET", path, clientId(), next, new byte[0]);
        server.authorizeDownload(new ClientCredentials(clientId(), next, key.sign(signed), signed, remoteAddress),
                sha256);
    }

    /** Credentials for {@code body} sent to {@code path}, with the next sequence number. */
    public ClientCredentials credentials(String path, Object body) {
        return credentialsAt(path, body, sequence.incrementAndGet());
    }

    public ClientCredentials credentialsAt(String path, Object body, long withSequence) {
        byte[] signed = RequestSignature.signedBytes("POST", path, clientId(), withSequence, Json.write(body));
        return new ClientCredentials(clientId(), withSequence, key.sign(signed), signed, remoteAddress);
    }

    /** Signs {@code bytes} with the client's key, to forge or replay requests in tests. */
    public byte[] sign(byte[] bytes) {
        return key.sign(bytes);
    }

    public long lastSequence() {
        return sequence.get();
    }

    private CheckInAnswer remember(CheckInAnswer answer) {
        if (answer instanceof CheckInAnswer.Licensed licensed && licensed.lease() != null) {
            leaseId = Json.read(licensed.lease().unverifiedPayload(), LeasePayload.class).leaseId();
        }
        return answer;
    }
}
