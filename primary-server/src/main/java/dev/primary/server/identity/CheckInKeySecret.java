package dev.primary.server.identity;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.server.licensing.CheckInKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The server's check-in key secret, {@code keys/check-in-key-secret} in the data directory (0600): one line,
 * {@code <version> <base64url of 32 random bytes>}, made at first start with version 1. Each client's check-in key
 * is derived from it, HKDF-SHA256 with info {@code primary-check-in-key\n<version>\n<client id>}, so no key is stored
 * anywhere and the database holds nothing that yields one. Servers sharing one database need the same file.
 * Replacing it with a higher version (and a new secret) retires every key handed out: clients then sign once and get
 * a new one.
 */
public final class CheckInKeySecret implements CheckInKeys {
    /** Its file name inside the data directory's {@code keys/} folder. */
    public static final String FILE_NAME = "check-in-key-secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int version;
    /**
     * HKDF-Extract of the secret (no salt: 32 zero bytes), the same for every key, so made once; the secret itself is
     * not kept.
     */
    private final byte[] pseudoRandomKey;

    CheckInKeySecret(int version, byte[] secret) {
        if (version < 1 || version > 999_999_999) {
            throw new IdentityException("check-in key secret version must be from 1 to 999999999, got " + version);
        }
        if (secret.length != RequestMac.LENGTH) {
            throw new IdentityException("a check-in key secret holds " + RequestMac.LENGTH + " bytes, not "
                    + secret.length);
        }
        this.version = version;
        this.pseudoRandomKey = RequestMac.mac(new byte[RequestMac.LENGTH], secret);
    }

    /** The secret in {@code keysDirectory}, made (version 1, owner-only) if there is none. */
    public static CheckInKeySecret openOrCreate(Path keysDirectory) {
        Path file = keysDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] secret = new byte[RequestMac.LENGTH];
        RANDOM.nextBytes(secret);
        CheckInKeySecret made = new CheckInKeySecret(1, secret);
        write(file, "1 " + Base64Url.encode(secret) + "\n");
        return made;
    }

    static CheckInKeySecret read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IdentityException("cannot read the check-in key secret " + file + ": " + e.getMessage());
        }
        String[] parts = text.split(" ", -1);
        try {
            if (parts.length != 2 || !parts[0].matches("[1-9]\\d{0,8}")) {
                throw new IllegalArgumentException("expected one line '<version> <base64url secret>'");
            }
            return new CheckInKeySecret(Integer.parseInt(parts[0]), Base64Url.decode(parts[1]));
        } catch (IllegalArgumentException | IdentityException e) {
            throw new IdentityException("check-in key secret " + file + " is not valid: " + e.getMessage());
        }
    }

    @Override
    public int currentVersion() {
        return version;
    }

    @Override
    public Optional<byte[]> key(int keyVersion, String clientId) {
        if (keyVersion != version) {
            return Optional.empty();
        }
        // HKDF-Expand (RFC 5869) of one block, as long as the key: T(1) = HMAC-SHA256(PRK, info || 0x01).
        byte[] info = ("primary-check-in-key\n" + version + "\n" + clientId).getBytes(StandardCharsets.UTF_8);
        byte[] block = Arrays.copyOf(info, info.length + 1);
        block[info.length] = 1;
        return Optional.of(RequestMac.mac(pseudoRandomKey, block));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".check-in-key-secret", ".tmp");
            try {
                KeyFiles.restrictToOwner(temp);
                Files.writeString(temp, text, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the check-in key secret " + file, e);
        }
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "CheckInKeySecret[version=" + version + "]";
    }
}
