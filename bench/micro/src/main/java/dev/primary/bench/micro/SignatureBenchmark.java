package dev.primary.bench.micro;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.LeasePayload;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The signatures of a check-in (Ed25519, BouncyCastle through {@code primary-protocol}): the client signs its
 * request, the server verifies it (the edge's work included: the SHA-256 of the body and the bytes signed), and
 * the server signs the renewed lease (its JSON written first, as {@code LeaseIssuer} does). For comparison, the
 * JDK's own Ed25519 ({@code Signature.getInstance("Ed25519")}, SunEC) signing and verifying the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
@State(Scope.Thread)
public class SignatureBenchmark {
    private SigningKey clientKey;
    private SigningKey serverKey;
    private PublicKey clientPublicKey;
    private String clientId;
    private byte[] body;
    private long sequence;
    private long signedSequence;
    private String signatureHeader;
    private LeasePayload leaseTerms;
    private byte[] signedBytes;
    private Signature jdkSigner;
    private Signature jdkVerifier;
    private KeyPair jdkKeys;
    private byte[] jdkSignature;

    @Setup
    public void prepare() throws GeneralSecurityException {
        clientKey = CheckInSamples.key(1);
        serverKey = CheckInSamples.key(0);
        clientPublicKey = clientKey.publicKey();
        clientId = clientPublicKey.keyId();
        body = Json.write(CheckInSamples.verify("Kq3v9Zb1RkGm0xTt7pWc2A"));
        sequence = 1_764_583_200_000L;
        signedSequence = sequence;
        signatureHeader = RequestSignature.sign(clientKey, "POST", CheckInSamples.VERIFY_PATH, signedSequence, body);
        leaseTerms = CheckInSamples.leaseTerms(clientKey, Instant.parse("2026-12-01T10:00:00Z"));
        signedBytes = RequestSignature.signedBytes("POST", CheckInSamples.VERIFY_PATH, clientId, signedSequence, body);
        jdkKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jdkSigner = Signature.getInstance("Ed25519");
        jdkVerifier = Signature.getInstance("Ed25519");
        jdkSigner.initSign(jdkKeys.getPrivate());
        jdkSigner.update(signedBytes);
        jdkSignature = jdkSigner.sign();
    }

    /** The client: the {@code Primary-Signature} header of a verify request (a new sequence each time). */
    @Benchmark
    public String requestSign() {
        return RequestSignature.sign(clientKey, "POST", CheckInSamples.VERIFY_PATH, ++sequence, body);
    }

    /** The server: the bytes the header must cover (with the body's SHA-256), the header decoded and verified. */
    @Benchmark
    public boolean requestVerify() {
        byte[] covered = RequestSignature.signedBytes("POST", CheckInSamples.VERIFY_PATH, clientId, signedSequence, body);
        return clientPublicKey.verifies(covered, Base64Url.decode(signatureHeader));
    }

    /** The server: a renewed lease, written as JSON and signed as a {@code lease} document. */
    @Benchmark
    public SignedDocument leaseSign() {
        return SignedDocument.sign(SignedDocument.LEASE, Json.write(leaseTerms), serverKey);
    }

    /** For comparison: the JDK's Ed25519 signing the request's bytes. */
    @Benchmark
    public byte[] jdkEd25519Sign() throws GeneralSecurityException {
        jdkSigner.initSign(jdkKeys.getPrivate());
        jdkSigner.update(signedBytes);
        return jdkSigner.sign();
    }

    /** For comparison: the JDK's Ed25519 verifying them. */
    @Benchmark
    public boolean jdkEd25519Verify() throws GeneralSecurityException {
        jdkVerifier.initVerify(jdkKeys.getPublic());
        jdkVerifier.update(signedBytes);
        return jdkVerifier.verify(jdkSignature);
    }
}
