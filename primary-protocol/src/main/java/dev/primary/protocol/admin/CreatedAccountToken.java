package dev.primary.protocol.admin;

import java.util.Objects;

/** The answer to creating an account's API token: the token's text, shown this once, and its view. */
public record CreatedAccountToken(String token, AccountTokenView view) {
    public CreatedAccountToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(view, "view");
    }

    @Override
    public String toString() {
        return "CreatedAccountToken[view=" + view + "]";
    }
}
