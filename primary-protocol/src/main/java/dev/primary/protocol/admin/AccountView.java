package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as the admin API shows it (never its password hash).
 *
 * @param disabledAt when it was disabled; {@code null} while it is active
 */
public record AccountView(String name, AccountRole role, Instant createdAt, String createdBy, Instant disabledAt) {
    public AccountView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
