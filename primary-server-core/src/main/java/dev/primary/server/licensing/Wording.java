package dev.primary.server.licensing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the licensing core words times, counts and places in line for administrators. */
final class Wording {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Wording() {}

    /** {@code 2026-12-05 10:00 UTC}. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 11th}, {@code 22nd}. */
    static String ordinal(int number) {
        int lastTwo = number % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return number + "th";
        }
        return switch (number % 10) {
            case 1 -> number + "st";
            case 2 -> number + "nd";
            case 3 -> number + "rd";
            default -> number + "th";
        };
    }

    /** {@code 1 seat}, {@code 5 seats}. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** {@code 30 days}, {@code 12 hours}, {@code 90 minutes}, {@code 45 seconds}. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86400 == 0) {
            return count(seconds / 86400, "day");
        }
        if (seconds % 3600 == 0) {
            return count(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return count(seconds / 60, "minute");
        }
        return count(seconds, "second");
    }

    /** Why no seat is free: {@code all 50 seats of 1 license are in use}, or that no license is active. */
    static String seatPool(PoolSize counts) {
        if (counts.activeLicenses() == 0) {
            return "no license is active (import a license and unlock it)";
        }
        if (counts.free() > 0) {
            return Wording.count(counts.free(), "seat") + " free; granted at the next check-in";
        }
        if (counts.seats() == 1) {
            return "the only seat is in use";
        }
        return "all " + count(counts.seats(), "seat") + " of " + count(counts.activeLicenses(), "license")
                + " are in use";
    }

    /** The reason a waiting client is given: {@code all 50 seats of 1 license are in use (3rd in line)}. */
    static String waiting(PoolSize counts, int queuePosition, String cause) {
        String reason = seatPool(counts) + " (" + ordinal(queuePosition) + " in line)";
        return cause.isEmpty() ? reason : reason + "; " + cause;
    }

    /** {@code revoked by admin}, or with the administrator's reason: {@code revoked by admin: stolen}. */
    static String byActor(String what, String actor, String reason) {
        String sentence = what + " by " + actor;
        return reason == null || reason.isBlank() ? sentence : sentence + ": " + reason.strip();
    }
}
