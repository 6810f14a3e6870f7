package dev.primary.protocol.message;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.RequestMac;

/**
 * The key a licensed client authenticates its check-ins with ({@link RequestMac}), handed out in the licensed answer to
 * a signed {@code register} or {@code verify}. The client keeps it as secret as its own private key.
 *
 * @param version the key's version, sent back in {@link RequestMac#KEY_VERSION}: 1 or more
 * @param key base64url of the 32-byte key
 */
public record CheckInKey(int version, String key) {
    public CheckInKey {
        if (version < 1) {
            throw new IllegalArgumentException("checkInKey.version must be 1 or more, got " + version);
        }
        byte[] bytes;
        try {
            bytes = Base64Url.decode(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("checkInKey.key is not base64url: " + e.getMessage());
        }
        if (bytes.length != RequestMac.LENGTH) {
            throw new IllegalArgumentException("checkInKey.key must hold " + RequestMac.LENGTH + " bytes, not "
                    + bytes.length);
        }
    }

    public static CheckInKey of(int version, byte[] key) {
        return new CheckInKey(version, Base64Url.encode(key));
    }

    public byte[] bytes() {
        return Base64Url.decode(key);
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "CheckInKey[version=" + version + "]";
    }
}
