package dev.primary.protocol.admin;

/**
 * {@code POST /admin/v1/session}: an account's name and password, answered with a short-lived API token.
 *
 * @param name the account
 * @param password its password (at most {@link AccountPassword#MAX_LENGTH} characters)
 */
public record LoginRequest(String name, String password) {
    public LoginRequest {
        name = name == null ? "" : name;
        password = password == null ? "" : password;
        if (name.length() > 64 || password.length() > AccountPassword.MAX_LENGTH) {
            throw new IllegalArgumentException("name or password too long");
        }
    }

    @Override
    public String toString() {
        return "LoginRequest[name=" + name + ", password=(hidden)]";
    }
}
