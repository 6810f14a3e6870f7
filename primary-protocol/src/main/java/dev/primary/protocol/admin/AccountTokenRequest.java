package dev.primary.protocol.admin;

/**
 * {@code POST /admin/v1/accounts/{name}/tokens}: a new API token for an account.
 *
 * @param label what it is for (at most 200 characters)
 * @param expiresInSeconds how long it works; 0 = until revoked
 */
public record AccountTokenRequest(String label, long expiresInSeconds) {
    public static final int MAX_LABEL_LENGTH = 200;

    public AccountTokenRequest {
        label = label == null ? "" : label.strip();
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (expiresInSeconds < 0) {
            throw new IllegalArgumentException("expiresInSeconds cannot be negative (0 means never), got "
                    + expiresInSeconds);
        }
    }
}
