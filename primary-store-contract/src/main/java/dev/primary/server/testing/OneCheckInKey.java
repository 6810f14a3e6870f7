package dev.primary.server.testing;

import dev.primary.protocol.crypto.RequestMac;
import dev.primary.server.licensing.CheckInKeys;
import java.util.Optional;

/**
 * One check-in key for every client, version 1, all zero bytes: for tests of what the licensing core and the store
 * do with a MAC'd check-in, which do not depend on how the server derives its keys.
 */
public final class OneCheckInKey implements CheckInKeys {
    public static final int VERSION = 1;

    /** The key's bytes (a copy). */
    public static byte[] key() {
        return new byte[RequestMac.LENGTH];
    }

    @Override
    public int currentVersion() {
        return VERSION;
    }

    @Override
    public Optional<byte[]> key(int version, String clientId) {
        return version == VERSION ? Optional.of(key()) : Optional.empty();
    }
}
