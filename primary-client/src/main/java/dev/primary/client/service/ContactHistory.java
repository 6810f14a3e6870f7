package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How contact with the server has gone: last attempt and success, failures in a row, and why the last one failed. */
final class ContactHistory {
    private static final Logger LOG = LoggerFactory.getLogger(ContactHistory.class);

    private Instant lastAttempt;
    private Instant lastSuccess;
    private Instant unreachableSince;
    private int failures;
    private String problem;

    void restoreLastSuccess(Instant instant) {
        lastSuccess = instant;
    }

    void attempted(Instant now) {
        lastAttempt = now;
    }

    void succeeded(Instant now, String server) {
        if (unreachableSince != null) {
            LOG.info("Reached {} again after {} without contact", server,
                    Phrases.duration(Duration.between(unreachableSince, now)));
        }
        lastSuccess = now;
        failures = 0;
        unreachableSince = null;
        problem = null;
    }

    /** A contact failed; {@link #problem()} then says why, as a status reason phrase. */
    void failed(ContactFailedException failure, Instant now, String server) {
        failures++;
        if (failure instanceof ServerUnreachableException) {
            if (unreachableSince == null) {
                unreachableSince = now;
            }
            problem = "cannot reach " + server + " since " + Phrases.time(unreachableSince) + ": " + failure.getMessage();
        } else {
            unreachableSince = null;
            problem = server + " " + failure.getMessage();
        }
    }

    /** The server answered, but with a lease this client cannot use. */
    void unusableAnswer(String why) {
        failures++;
        problem = why;
    }

    /** Starts over, for another server. */
    void forgetFailures() {
        failures = 0;
        unreachableSince = null;
        problem = null;
    }

    /** Whether the last contact succeeded (so a report is worth sending now). */
    boolean inContact() {
        return failures == 0 && lastSuccess != null;
    }

    Instant lastAttempt() {
        return lastAttempt;
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    Instant unreachableSince() {
        return unreachableSince;
    }

    int failures() {
        return failures;
    }

    /** Why the last contact failed; {@code null} when it succeeded. */
    String problem() {
        return problem;
    }
}
