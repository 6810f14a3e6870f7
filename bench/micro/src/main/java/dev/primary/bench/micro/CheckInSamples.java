package dev.primary.bench.micro;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.crypto.SignedDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Realistic check-in messages and keys, the same in every run (keys from fixed seeds). */
final class CheckInSamples {
    static final String VERIFY_PATH = "/v1/verify";
    static final long VERIFY_INTERVAL = 4 * 3600;
    static final Version CLIENT_VERSION = new Version(0, 1, 0);
    static final Version RECORDER_VERSION = new Version(1, 4, 213);
    static final int NUDGE_PORT = 2468;
    /** An enrollment token as the server makes them: an 8-letter id, a dot, 32 random bytes in base64url. */
    static final String SAMPLE_TOKEN = "k3x9a2mq.q0bV7oZ0cQ1n3yS6PPhO4u8Jr9yX2kT5dW1aLmE7fGh";

    private CheckInSamples() {}

    /** A key from a fixed seed: {@code n} tells keys apart. */
    static SigningKey key(long n) {
        byte[] seed = new byte[32];
        new SplittableRandom(0x5eed_0000L + n).nextBytes(seed);
        return new SigningKey(seed);
    }

    static ComputerIdentity computer(int n) {
        return ComputerIdentity.computer(String.format("PC-%05d", n), "CORP");
    }

    /** What a client with {@code key} sends on first contact, with the enrollment token {@code token} (or ""). */
    static RegisterRequest register(int n, SigningKey key, String token) {
        return new RegisterRequest(computer(n), "Linux 6.1.0-28-amd64 amd64", CLIENT_VERSION, RECORDER_VERSION,
                key.publicKey().encoded(), VERIFY_INTERVAL, NUDGE_PORT, token);
    }

    /** What a licensed client sends every four hours. */
    static VerifyRequest verify(String leaseId) {
        return new VerifyRequest(leaseId, RECORDER_VERSION, VERIFY_INTERVAL, CLIENT_VERSION, 7L, NUDGE_PORT, List.of());
    }

    /** What a licensed client that can keep its current lease (as the Client Service does) sends every four hours. */
    static VerifyRequest verifyKeepingLease(String leaseId) {
        return new VerifyRequest(leaseId, RECORDER_VERSION, VERIFY_INTERVAL, CLIENT_VERSION, 7L, NUDGE_PORT, List.of(),
                true);
    }

    /** The terms of a seven-day lease, as the server issues them. */
    static LeasePayload leaseTerms(SigningKey clientKey, Instant now) {
        return new LeasePayload("Kq3v9Zb1RkGm0xTt7pWc2A", "3f1c9a52-7d0e-4b8e-9a61-2c5d8e4f7b10",
                clientKey.publicKey().keyId(), computer(4711), "ACME-2026-0042", List.of("recorder"), now,
                now.plus(Duration.ofHours(4)), now.plus(Duration.ofDays(7)));
    }

    /** The answer to a verify: a renewed lease signed by {@code serverKey}, no updates. */
    static CheckInAnswer.Licensed licensed(SigningKey serverKey, SigningKey clientKey, Instant now) {
        SignedDocument lease = SignedDocument.sign(SignedDocument.LEASE, Json.write(leaseTerms(clientKey, now)),
                serverKey);
        return new CheckInAnswer.Licensed(lease, VERIFY_INTERVAL);
    }
}
