package dev.primary.server.identity;

/** Whether this start replaced the self-made TLS key of an existing installation ({@code --new-tls-key}), and why. */
public enum TlsKeyReplacement {
    /** The key in use is the one clients pinned (or an operator-supplied one, or the first start made it). */
    NONE(""),
    /** {@code keys/tls.key} or {@code keys/tls.crt} was missing. */
    KEY_MISSING("keys/tls.key or keys/tls.crt was missing"),
    /** {@code keys/tls.key} was not the key of {@code keys/tls.crt}. */
    KEY_NOT_MATCHING_CERTIFICATE("keys/tls.key was not the key of keys/tls.crt");

    private final String reason;

    TlsKeyReplacement(String reason) {
        this.reason = reason;
    }

    /** Why the key was replaced, in words; empty for {@link #NONE}. */
    public String reason() {
        return reason;
    }
}
