package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * An account's API token as the admin API shows it: its public id, never its secret.
 *
 * @param expiresAt when it stops working; {@code null} = never
 * @param revokedAt when it was revoked; {@code null} unless revoked
 */
public record AccountTokenView(String id, String account, String label, Instant createdAt, String createdBy,
        Instant expiresAt, Instant revokedAt) {
    public AccountTokenView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
