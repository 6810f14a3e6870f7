package dev.primary.protocol.admin;

/**
 * {@code POST /admin/v1/accounts/{name}/password}: an account's new password, 12 to 1024 characters (long enough
 * to resist guessing; bounded so hashing a request's password costs a known amount).
 */
public record AccountPassword(String password) {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    public AccountPassword {
        check(password);
    }

    static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "AccountPassword[(hidden)]";
    }
}
