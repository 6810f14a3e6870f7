package dev.primary.client.service;

import java.time.Duration;

/** Runs tasks later, one at a time, on one thread: the Client Service's only thread of its own. */
public interface Scheduler {
    /** Runs {@code task} after {@code delay} (at once when zero or negative). */
    Task schedule(Duration delay, Runnable task);

    /** A scheduled task. */
    interface Task {
        /** Cancels the task if it has not started; does nothing otherwise. */
        void cancel();
    }
}
