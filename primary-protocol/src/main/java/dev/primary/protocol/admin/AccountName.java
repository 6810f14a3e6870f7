package dev.primary.protocol.admin;

import java.util.regex.Pattern;

/** The rule for an account's name: 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit. */
public final class AccountName {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private AccountName() {}

    /** {@code name}, checked. */
    public static String require(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an account name is 1-64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit; got \"" + name + "\"");
        }
        return name;
    }
}
