package dev.primary.it;

import java.time.Duration;

/**
 * How long an end-to-end test waits for an event before it fails. It bounds a failure, never paces a success:
 * every wait ends as soon as the event is seen (a state file, a log line, the admin API), so an idle machine
 * passes in seconds and a loaded one (load average 17 on 2 cores) still passes.
 */
final class Patience {
    static final Duration FAILURE_BOUND = Duration.ofMinutes(2);

    private Patience() {}
}
