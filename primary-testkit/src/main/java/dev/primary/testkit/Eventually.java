package dev.primary.testkit;

import java.time.Duration;

/** Retries an assertion until it passes or a deadline passes; for behaviour that happens on its own schedule. */
public final class Eventually {
    private Eventually() {}

    /** An assertion that may throw. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    public static void within(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    if (e instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw new AssertionError("still failing after " + timeout, e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
