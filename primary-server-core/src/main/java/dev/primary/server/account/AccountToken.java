package dev.primary.server.account;

import dev.primary.protocol.admin.AccountTokenView;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's API token as the server keeps it: the SHA-256 of its secret, never the secret.
 *
 * @param id the public id, the part of the token before the dot
 * @param account the account it acts as
 * @param expiresAt when it stops working; {@code null} = never
 * @param revokedAt when it was revoked; {@code null} unless revoked
 */
public record AccountToken(String id, String account, String secretHash, String label, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt) {
    public AccountToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        label = label == null ? "" : label;
        createdBy = createdBy == null ? "" : createdBy;
    }

    /** Whether it authenticates at {@code now} (its account aside). */
    public boolean worksAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public AccountToken revokedAt(Instant at) {
        return new AccountToken(id, account, secretHash, label, createdAt, createdBy, expiresAt, at);
    }

    public AccountTokenView view() {
        return new AccountTokenView(id, account, label, createdAt, createdBy, expiresAt, revokedAt);
    }

    @Override
    public String toString() {
        return "AccountToken[id=" + id + ", account=" + account + "]";
    }
}
