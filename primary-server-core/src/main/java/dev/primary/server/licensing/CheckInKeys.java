package dev.primary.server.licensing;

import java.util.Optional;

/**
 * Where the licensing core gets each client's check-in key ({@link dev.primary.protocol.crypto.RequestMac}). Keys are
 * derived, never stored: the core neither keeps nor writes them.
 */
public interface CheckInKeys {
    /** The version handed out now; the only one {@link #key} answers. */
    int currentVersion();

    /** The 32-byte key of {@code clientId} under key version {@code version}; empty for any version but the current. */
    Optional<byte[]> key(int version, String clientId);
}
