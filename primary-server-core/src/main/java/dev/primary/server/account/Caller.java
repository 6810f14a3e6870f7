package dev.primary.server.account;

import dev.primary.protocol.admin.AccountRole;
import java.util.Objects;

/**
 * Who made an admin request, once authenticated: an account, or the host's bootstrap token, which acts as
 * {@link #HOST_ADMIN} with the administrator role. Its name is what the audit trail records.
 */
public record Caller(String name, AccountRole role) {
    /** The name the bootstrap token ({@code <data-dir>/admin-token}) acts under. */
    public static final String HOST_ADMIN_NAME = "host-admin";
    public static final Caller HOST_ADMIN = new Caller(HOST_ADMIN_NAME, AccountRole.ADMINISTRATOR);

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
