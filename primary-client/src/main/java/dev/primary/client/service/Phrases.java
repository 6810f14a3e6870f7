package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** How times, durations and places in a queue read in status reasons and log lines. */
public final class Phrases {
    private Phrases() {}

    /** An instant to the second: {@code 2026-11-28T10:15:30Z}; {@code never} when absent. */
    public static String time(Instant instant) {
        return instant == null ? "never" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A duration in the two largest units people read: {@code 2 h 5 min}, {@code 45 s}, {@code 250 ms}. */
    public static String duration(Duration duration) {
        Duration value = duration.isNegative() ? duration.negated() : duration;
        if (value.compareTo(Duration.ofSeconds(1)) < 0) {
            return value.toMillis() + " ms";
        }
        long[] amounts = {value.toDaysPart(), value.toHoursPart(), value.toMinutesPart(), value.toSecondsPart()};
        String[] units = {"d", "h", "min", "s"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + " " + units[i]);
            } else if (!parts.isEmpty()) {
                break;
            }
        }
        return String.join(" ", parts);
    }

    /** {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 11th}, {@code 22nd}. */
    public static String ordinal(int number) {
        int lastTwo = number % 100;
        String suffix;
        if (lastTwo >= 11 && lastTwo <= 13) {
            suffix = "th";
        } else {
            suffix = switch (number % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
        return number + suffix;
    }
}
