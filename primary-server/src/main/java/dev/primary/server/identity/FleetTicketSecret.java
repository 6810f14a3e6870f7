package dev.primary.server.identity;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.server.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The secret from which every server of a fleet derives the same TLS session ticket keys, so that a client resumes
 * its session on whichever server it reaches, and rotation needs no coordination: the key of day {@code d} (days since
 * 1970, UTC) is HKDF-SHA256 of the secret with the info {@code "primary tls session ticket key <d>"}. Today's key
 * issues tickets; the two days before and tomorrow's (for a server whose clock is a little behind another's) still
 * open them, so a ticket lives at most about three days, as with the single server's kept keys.
 *
 * <p>Kept in {@code keys/tls-session-ticket-secret} (0600, 32 random bytes, base64url), made by the first server and
 * copied to every other with the rest of {@code keys/}. The database records only its {@link #fingerprint}, a
 * hash that reveals nothing of it. Cost: whoever steals this one file can decrypt every recorded session of the
 * fleet from any day until the secret is replaced (a single server's random daily keys limit that to three days); to
 * replace it, put a new secret on every server and restart them (clients then make one full handshake).
 */
public final class FleetTicketSecret {
    /** How long one derived key issues tickets. */
    public static final Duration KEY_PERIOD = Duration.ofDays(1);
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    private FleetTicketSecret(byte[] secret) {
        this.secret = secret.clone();
    }

    /** Reads the secret in {@code file}, making it first when there is none (the fleet's first server). */
    public static FleetTicketSecret openOrCreate(Path file) {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[SECRET_BYTES];
            RANDOM.nextBytes(fresh);
            KeyFiles.writeSecret(file, Base64Url.encode(fresh));
        }
        OwnerOnlyFiles.tighten(file);
        byte[] read;
        try {
            read = Base64Url.decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new IdentityException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read.length != SECRET_BYTES) {
            throw new IdentityException(file + " does not hold a session ticket secret (" + SECRET_BYTES
                    + " bytes, base64url); copy it from another server of the fleet");
        }
        return new FleetTicketSecret(read);
    }

    /** A hash that names this secret without revealing it: what the database records and compares. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("primary tls session ticket secret id\n".getBytes(StandardCharsets.US_ASCII));
            return "sha256/" + Base64Url.encode(Arrays.copyOf(digest.digest(secret), 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The keys in force at {@code now}: today's (issuing tickets) first, then the two days before, then tomorrow's. */
    public SessionTicketKeys keysAt(Instant now) {
        long today = Math.floorDiv(now.getEpochSecond(), KEY_PERIOD.toSeconds());
        List<SessionTicketKeys.TicketKey> keys = new ArrayList<>();
        for (long day : new long[] {today, today - 1, today - 2, today + 1}) {
            keys.add(new SessionTicketKeys.TicketKey(Instant.ofEpochSecond(day * KEY_PERIOD.toSeconds()), keyOf(day)));
        }
        return SessionTicketKeys.of(keys);
    }

    private byte[] keyOf(long day) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, null,
                ("primary tls session ticket key " + day).getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[SessionTicketKeys.KEY_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    @Override
    public String toString() {
        return "FleetTicketSecret[" + fingerprint() + "]";
    }
}
