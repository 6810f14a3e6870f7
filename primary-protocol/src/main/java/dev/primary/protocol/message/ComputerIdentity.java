package dev.primary.protocol.message;

import java.util.Locale;

/**
 * Who holds a seat: a computer (name + domain), or one user on a multi-user host (name +
 * domain + user). Names compare case-insensitively, as Windows computer names do; {@link #key()}
 * is the normalised form stores index on.
 *
 * @param computerName the computer's name, 1 to 63 characters of letters, digits, '-', '_', '.'
 * @param domain the computer's domain or workgroup; empty when it has none
 * @param userName the user, for per-user seats on a multi-user host; empty for a per-computer seat
 */
public record ComputerIdentity(String computerName, String domain, String userName) {
    private static final int MAX_NAME = 63;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_USER = 128;

    public ComputerIdentity {
        domain = domain == null ? "" : domain;
        userName = userName == null ? "" : userName;
        if (computerName == null || computerName.isEmpty() || !spelled(computerName, MAX_NAME, "._-")) {
            throw new IllegalArgumentException("computer name must be 1-63 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; got \"" + computerName + "\"");
        }
        if (!domain.isEmpty() && !spelled(domain, MAX_DOMAIN, "._-")) {
            throw new IllegalArgumentException("domain must be letters, digits, '.', '_' or '-'; got \"" + domain + "\"");
        }
        if (!userName.isEmpty() && !spelled(userName, MAX_USER, " ._@-")) {
            throw new IllegalArgumentException("user name has characters that are not allowed: \"" + userName + "\"");
        }
    }

    /**
     * Whether {@code text} is at most {@code maxLength} characters, an ASCII letter or digit first, then letters, digits
     * or any of {@code others}. Checked at every construction, stored rows included, so without a regular expression.
     */
    private static boolean spelled(String text, int maxLength, String others) {
        if (text.length() > maxLength || !letterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!letterOrDigit(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    public static ComputerIdentity computer(String computerName, String domain) {
        return new ComputerIdentity(computerName, domain, "");
    }

    /** Parses {@code NAME}, {@code DOMAIN\NAME} or {@code DOMAIN\NAME\USER}. */
    public static ComputerIdentity parse(String text) {
        String[] parts = text.split("\\\\", -1);
        return switch (parts.length) {
            case 1 -> new ComputerIdentity(parts[0], "", "");
            case 2 -> new ComputerIdentity(parts[1], parts[0], "");
            case 3 -> new ComputerIdentity(parts[1], parts[0], parts[2]);
            default -> throw new IllegalArgumentException("expected NAME, DOMAIN\\NAME or DOMAIN\\NAME\\USER, got " + text);
        };
    }

    public boolean perUser() {
        return !userName.isEmpty();
    }

    /** The case-insensitive key of this seat holder: {@code domain\name}, or {@code domain\name\<user>} for a per-user seat; lower case. */
    public String key() {
        String base = domain.toLowerCase(Locale.ROOT) + "\\" + computerName.toLowerCase(Locale.ROOT);
        return perUser() ? base + "\\" + userName.toLowerCase(Locale.ROOT) : base;
    }

    /** The form people read: {@code DOMAIN\NAME} (or {@code NAME} without a domain), plus {@code \USER}. */
    public String display() {
        String base = domain.isEmpty() ? computerName : domain + "\\" + computerName;
        return perUser() ? base + "\\" + userName : base;
    }

    @Override
    public String toString() {
        return display();
    }
}
