package dev.primary.protocol.admin;

import java.util.Objects;

/**
 * The answer to {@code POST /admin/v1/enrollment-tokens}: the token itself, shown this once (the server keeps
 * only its hash), and what it allows.
 *
 * @param token the whole token, {@code <id>.<secret>}, to give the Deployment Utility
 * @param view the token as {@code enrollment list} shows it
 */
public record CreatedEnrollmentToken(String token, EnrollmentTokenView view) {
    public CreatedEnrollmentToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(view, "view");
    }
}
