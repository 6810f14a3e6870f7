package dev.primary.server.identity;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.KeyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys that encrypt TLS session tickets, kept in the data directory (0600) so that a restarted
 * server still resumes the sessions of the clients it knew: after an outage every returning client
 * resumes (about 1.5x the rate of full handshakes on this stack) instead of all needing a full one.
 * The newest key issues tickets; older ones still accept them. A new key is made once the newest is
 * older than {@link #ROTATE_AFTER}, and at most {@link #KEPT} are kept, so a stolen key file opens
 * only the sessions of the last few days. File format: one line per key, newest first:
 * {@code <created epoch seconds> <base64url of 48 bytes: 16 name, 16 HMAC key, 16 AES key>}.
 */
public final class SessionTicketKeys {
    /** How old the newest key may grow before a new one takes over. */
    public static final Duration ROTATE_AFTER = Duration.ofDays(1);
    /** How many keys are kept (the newest plus those whose tickets may still be presented). */
    public static final int KEPT = 3;
    /** Bytes in one key: name, HMAC key and AES key of 16 bytes each. */
    public static final int KEY_BYTES = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final List<TicketKey> keys;

    /** One ticket key and when it was made. */
    public record TicketKey(Instant created, byte[] material) {
        public TicketKey {
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("a session ticket key has " + KEY_BYTES + " bytes, not "
                        + material.length);
            }
            material = material.clone();
        }

        @Override
        public byte[] material() {
            return material.clone();
        }

        @Override
        public String toString() {
            return "TicketKey[" + created + ", hidden]";
        }
    }

    private SessionTicketKeys(Path file, List<TicketKey> keys) {
        this.file = file;
        this.keys = List.copyOf(keys);
    }

    /** Keys made elsewhere ({@link FleetTicketSecret}), newest first; never saved. */
    public static SessionTicketKeys of(List<TicketKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one session ticket key is needed");
        }
        return new SessionTicketKeys(null, keys);
    }

    /** Reads the keys in {@code file}, making and saving a new one first if none is younger than a day. */
    public static SessionTicketKeys openOrCreate(Path file, Instant now) {
        SessionTicketKeys read = new SessionTicketKeys(file, Files.exists(file) ? parse(file) : List.of());
        return read.rotatedIfDue(now);
    }

    /** These keys, or, if the newest is due for rotation, a new key in front (saved) and the oldest dropped. */
    public SessionTicketKeys rotatedIfDue(Instant now) {
        if (!keys.isEmpty() && keys.get(0).created().plus(ROTATE_AFTER).isAfter(now)) {
            return this;
        }
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        List<TicketKey> rotated = new ArrayList<>();
        rotated.add(new TicketKey(now, material));
        rotated.addAll(keys.subList(0, Math.min(keys.size(), KEPT - 1)));
        SessionTicketKeys next = new SessionTicketKeys(file, rotated);
        next.save();
        return next;
    }

    /** The keys, newest (the one that issues tickets) first. */
    public List<TicketKey> keys() {
        return keys;
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        for (TicketKey key : keys) {
            text.append(key.created().getEpochSecond()).append(' ').append(Base64Url.encode(key.material()))
                    .append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".ticket-keys", ".tmp");
            try {
                KeyFiles.restrictToOwner(temp);
                Files.writeString(temp, text, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session ticket keys " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<TicketKey> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session ticket keys " + file + ": " + e.getMessage(), e);
        }
        List<TicketKey> keys = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ");
            try {
                keys.add(new TicketKey(Instant.ofEpochSecond(Long.parseLong(parts[0])), Base64Url.decode(parts[1])));
            } catch (RuntimeException e) {
                throw new IdentityException(file + " is damaged (a line is not '<epoch seconds> <base64url key>'); "
                        + "delete it and the server makes new keys (clients then make full TLS handshakes once)", e);
            }
        }
        return keys;
    }
}
