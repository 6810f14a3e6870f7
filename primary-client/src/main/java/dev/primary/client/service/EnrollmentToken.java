package dev.primary.client.service;

import dev.primary.protocol.message.RegisterRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The enrollment token an administrator issued ({@code primary-admin enrollment create}) and the Deployment Utility
 * wrote into {@code client.json}: {@code <id>.<secret>}. It goes to the server in every {@code register} request and
 * nowhere else: {@link #toString()} shows the id only, so that logging a token (or a record holding one) cannot leak
 * its secret. The server is the judge of a token; this type checks only that it has an id and a secret, so that a
 * typo is caught before anything is written.
 *
 * @param text the whole token; empty when the client has none
 */
public record EnrollmentToken(String text) {
    /** No token: the server enrolls this client only with open enrollment, or when it already knows its key. */
    public static final EnrollmentToken NONE = new EnrollmentToken("");

    public EnrollmentToken {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty()) {
            int dot = text.indexOf('.');
            if (text.length() > RegisterRequest.MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("an enrollment token has at most " + RegisterRequest.MAX_TOKEN_LENGTH
                        + " characters, this one has " + text.length());
            }
            if (dot <= 0 || dot == text.length() - 1 || !text.chars().allMatch(EnrollmentToken::tokenCharacter)) {
                throw new IllegalArgumentException("not an enrollment token (expected <id>.<secret>, as printed by "
                        + "'primary-admin enrollment create')");
            }
        }
    }

    /** Reads a token as given on a command line or in a file: surrounding white space is dropped. */
    public static EnrollmentToken parse(String text) {
        return new EnrollmentToken(Objects.requireNonNull(text, "text").strip());
    }

    /**
     * Reads a token from a file (first line, white space dropped), so that it need not appear on a command line, in
     * the shell's history or in the process list.
     *
     * @throws IllegalArgumentException when the file cannot be read, is empty, or does not hold a token
     */
    public static EnrollmentToken read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; it should hold the token printed by "
                    + "'primary-admin enrollment create'");
        }
        if (text.contains("\n")) {
            throw new IllegalArgumentException(file + " holds more than one line; it should hold the token only");
        }
        return parse(text);
    }

    public boolean isPresent() {
        return !text.isEmpty();
    }

    /** The token's public id (the part before the dot), fine to print and log; empty when there is no token. */
    public String id() {
        return text.isEmpty() ? "" : text.substring(0, text.indexOf('.'));
    }

    /** The id only: a token's secret is never printed. */
    @Override
    public String toString() {
        return isPresent() ? "enrollment token " + id() : "no enrollment token";
    }

    private static boolean tokenCharacter(int c) {
        return c > ' ' && c < 127;
    }
}
