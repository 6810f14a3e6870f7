package dev.primary.client.http;

import java.time.Duration;
import java.util.Optional;

/** The {@code Retry-After} header of an answer, in the form the Primary Server sends it: whole seconds. */
final class RetryAfter {
    /** The longest wait read from the header; anything longer is read as this (a client caps it further). */
    static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {}

    /** The wait the header asks for; empty when there is none or it is not a number of seconds (an HTTP date, say). */
    static Optional<Duration> parse(String header) {
        if (header == null || header.isBlank() || !header.strip().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String digits = header.strip();
        if (digits.length() > 9) {
            return Optional.of(MAX);
        }
        Duration wait = Duration.ofSeconds(Long.parseLong(digits));
        return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    }
}
