package dev.primary.protocol.admin;

/**
 * The body of {@code POST /admin/v1/enrollment-tokens}: what a new enrollment token allows.
 *
 * @param label what the administrator calls it (e.g. "lab wing B, December"); may be empty
 * @param uses how many computers it may enroll; 0 = no limit
 * @param expiresInSeconds how long it stays valid from now; 0 = it never expires
 * @param group the rollout group given to the computers it enrolls; empty = none
 */
public record EnrollmentTokenRequest(String label, int uses, long expiresInSeconds, String group) {
    public static final int MAX_LABEL_LENGTH = 200;

    public EnrollmentTokenRequest {
        label = label == null ? "" : label.strip();
        group = group == null ? "" : group.strip();
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (!group.matches("([A-Za-z0-9][A-Za-z0-9._-]{0,63})?")) {
            throw new IllegalArgumentException("group must be 1-64 letters, digits, '.', '_' or '-', got \"" + group + "\"");
        }
        if (uses < 0) {
            throw new IllegalArgumentException("uses cannot be negative (0 means no limit), got " + uses);
        }
        if (expiresInSeconds < 0) {
            throw new IllegalArgumentException("expiresInSeconds cannot be negative (0 means never), got "
                    + expiresInSeconds);
        }
    }
}
