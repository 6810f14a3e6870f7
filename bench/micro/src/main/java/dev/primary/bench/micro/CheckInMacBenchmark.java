package dev.primary.bench.micro;

import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.json.Json;
import dev.primary.server.identity.CheckInKeySecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
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
 * The server's check of a check-in's MAC, as each MAC'd {@code verify} makes it: derive the client's check-in key
 * from the server's secret, build the bytes the MAC covers (the SHA-256 of the body included), compute and compare the
 * MAC. Beside it, the same check as the server made it until 2026-12-07 (kept here, for the comparison in one run):
 * BouncyCastle's HKDF with its extract step at every key, and a security-provider lookup for every digest and MAC.
 * Both derive the same key and accept the same MAC ({@code CheckInKeySecretTest} proves the keys equal).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
@State(Scope.Thread)
public class CheckInMacBenchmark {
    private static final String PATH = CheckInSamples.VERIFY_PATH;

    private CheckInKeySecret secret;
    private byte[] secretBytes;
    private String clientId;
    private byte[] body;
    private long sequence;
    private byte[] mac;

    @Setup
    public void prepare() throws IOException {
        Path keys = Files.createTempDirectory("primary-bench-keys");
        secret = CheckInKeySecret.openOrCreate(keys);
        String line = Files.readString(keys.resolve(CheckInKeySecret.FILE_NAME)).strip();
        secretBytes = dev.primary.protocol.crypto.Base64Url.decode(line.split(" ")[1]);
        clientId = CheckInSamples.key(1).publicKey().keyId();
        body = Json.write(CheckInSamples.verify("Kq3v9Zb1RkGm0xTt7pWc2A"));
        sequence = 1_764_583_200_000L;
        byte[] key = secret.key(1, clientId).orElseThrow();
        mac = RequestMac.mac(key, RequestSignature.signedBytes("POST", PATH, clientId, sequence, body));
        if (!macCheck() || !macCheckAsBefore()) {
            throw new IllegalStateException("the two checks must accept the same MAC");
        }
    }

    /** The whole check as the server makes it now. */
    @Benchmark
    public boolean macCheck() {
        byte[] key = secret.key(1, clientId).orElseThrow();
        return RequestMac.verifies(key, RequestSignature.signedBytes("POST", PATH, clientId, sequence, body), mac);
    }

    /** The same check as the server made it until 2026-12-07. */
    @Benchmark
    public boolean macCheckAsBefore() {
        byte[] key = keyAsBefore();
        String text = "primary-request\nPOST\n" + PATH + "\n" + clientId + "\n" + sequence + "\n"
                + HexFormat.of().formatHex(digestAsBefore().digest(body));
        return MessageDigest.isEqual(macAsBefore(key, text.getBytes(StandardCharsets.UTF_8)), mac);
    }

    /** Only the key's derivation, now. */
    @Benchmark
    public byte[] deriveKey() {
        return secret.key(1, clientId).orElseThrow();
    }

    /** Only the key's derivation, as before. */
    @Benchmark
    public byte[] deriveKeyAsBefore() {
        return keyAsBefore();
    }

    private byte[] keyAsBefore() {
        byte[] info = ("primary-check-in-key\n1\n" + clientId).getBytes(StandardCharsets.UTF_8);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secretBytes, null, info));
        byte[] key = new byte[RequestMac.LENGTH];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static MessageDigest digestAsBefore() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] macAsBefore(byte[] key, byte[] signedBytes) {
        try {
            Mac engine = Mac.getInstance("HmacSHA256");
            engine.init(new SecretKeySpec(key, "HmacSHA256"));
            return engine.doFinal(signedBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
