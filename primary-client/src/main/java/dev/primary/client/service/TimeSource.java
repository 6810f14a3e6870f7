package dev.primary.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The two kinds of time a client needs: the wall clock (which an administrator can set back)
 * and a monotonic counter (which only moves forward, at real speed, within one run).
 */
public interface TimeSource {
    Instant now();

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    static TimeSource system() {
        return of(Clock.systemUTC(), System::nanoTime);
    }

    static TimeSource of(Clock clock, LongSupplier nanoTime) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(nanoTime, "nanoTime");
        return new TimeSource() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public long nanoTime() {
                return nanoTime.getAsLong();
            }
        };
    }
}
