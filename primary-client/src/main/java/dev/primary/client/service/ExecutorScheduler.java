package dev.primary.client.service;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real {@link Scheduler}: one daemon thread, idle (not polling) between tasks. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Task schedule(Duration delay, Runnable task) {
        long nanos = Math.max(0, delay.toNanos());
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runLogged(task), nanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Scheduler is shut down; task not scheduled");
            return () -> { };
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Client Service task failed: {}", e.toString(), e);
        }
    }

    /** Stops taking tasks, drops pending ones and interrupts a running one, without waiting for it. */
    public void shutdown() {
        executor.shutdownNow();
    }

    /** Stops the thread: interrupts a running task (such as a request in flight), drops pending ones and waits. */
    @Override
    public void close() {
        shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Client Service thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
