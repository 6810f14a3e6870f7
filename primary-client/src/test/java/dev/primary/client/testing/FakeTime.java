package dev.primary.client.testing;

import dev.primary.client.service.TimeSource;
import java.time.Duration;
import java.time.Instant;

/** A wall clock and a monotonic clock that move only when a test says so; the wall clock can be set back. */
public final class FakeTime implements TimeSource {
    private Instant wall;
    private long nanos = 1_000_000_000L;

    public FakeTime(Instant start) {
        this.wall = start;
    }

    @Override
    public synchronized Instant now() {
        return wall;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    /** Real time passes: both clocks move on. */
    public synchronized void advance(Duration duration) {
        wall = wall.plus(duration);
        nanos += duration.toNanos();
    }

    /** Someone sets the wall clock; monotonic time does not move. */
    public synchronized void setWall(Instant instant) {
        wall = instant;
    }
}
