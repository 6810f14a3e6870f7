package dev.primary.server;

import java.util.Objects;

/**
 * What an operator allows one start to do that a normal start refuses: flags of that one command line,
 * never settings (a setting left in a file or the environment would allow it again at every later start,
 * including the one after a restore that missed a file). Each one used is written to the audit trail.
 *
 * @param initializeEmptyStore an existing installation whose store is missing or empty starts with a new,
 *     empty one ({@code --initialize-empty-store})
 * @param newTlsKey an existing installation whose self-made TLS key is missing or does not match its
 *     certificate gets a new key and certificate ({@code --new-tls-key})
 * @param operator who gave the flags, for the audit trail: the host's user running the server
 */
public record StartupOptions(boolean initializeEmptyStore, boolean newTlsKey, String operator) {
    /** A normal start: nothing lost is replaced. */
    public static final StartupOptions NONE = new StartupOptions(false, false, "");

    public StartupOptions {
        Objects.requireNonNull(operator, "operator");
    }

    /** How the audit trail names the operator: {@code operator:<user>}. */
    public String auditActor() {
        return "operator:" + (operator.isBlank() ? "unknown" : operator);
    }
}
