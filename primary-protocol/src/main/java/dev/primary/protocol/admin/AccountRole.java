package dev.primary.protocol.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an account may do on the admin API, each role including the ones before it (docs/admin-api.md, "Roles"):
 * a viewer reads, an operator also acts on computers and rollouts, an administrator also manages licenses,
 * accounts, enrollment tokens, releases and the server's settings.
 */
public enum AccountRole {
    VIEWER,
    OPERATOR,
    ADMINISTRATOR;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(AccountRole needed) {
        return compareTo(needed) >= 0;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AccountRole fromWire(String name) {
        return Arrays.stream(values())
                .filter(role -> role.wireName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role \"" + name
                        + "\"; the roles are viewer, operator and administrator"));
    }
}
