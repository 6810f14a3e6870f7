package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a new password comes from: never the command line (it would show in the process list and the shell's
 * history). On a terminal it is asked for twice without echo; otherwise it is the first line of standard input
 * ({@code printf '%s\n' "$PW" | primary-admin account create ...}), without its line end.
 */
public final class PasswordInput {
    private final Optional<Console> terminal;
    private final InputStream input;

    /** @param terminal the terminal to ask on; empty when input is not a terminal */
    public PasswordInput(Optional<Console> terminal, InputStream input) {
        this.terminal = terminal;
        this.input = input;
    }

    /** The terminal when the program has one, else standard input. */
    public static PasswordInput ofProcess() {
        return new PasswordInput(Optional.ofNullable(System.console()), System.in);
    }

    /** The new password for {@code account}. */
    String read(String account) {
        return terminal.map(console -> fromTerminal(console, account)).orElseGet(this::fromInput);
    }

    private static String fromTerminal(Console console, String account) {
        char[] first = console.readPassword("New password for %s: ", account);
        char[] second = console.readPassword("Again: ");
        try {
            if (first == null || second == null) {
                throw new AdminUsageException("no password given");
            }
            if (!Arrays.equals(first, second)) {
                throw new AdminUsageException("the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, ' ');
            }
            if (second != null) {
                Arrays.fill(second, ' ');
            }
        }
    }

    private String fromInput() {
        try {
            String line = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new AdminUsageException("no password on standard input: give it as the first line, or run on a"
                        + " terminal to be asked for it");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
    }
}
