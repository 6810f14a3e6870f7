package dev.primary.protocol.admin;

import java.util.Objects;

/** {@code POST /admin/v1/accounts/{name}/role}: an account's new role. */
public record AccountRoleChange(AccountRole role) {
    public AccountRoleChange {
        Objects.requireNonNull(role, "role is required: viewer, operator or administrator");
    }
}
