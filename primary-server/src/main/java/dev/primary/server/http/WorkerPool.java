package dev.primary.server.http;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that runs blocking work (store, signatures) off the event loop. When all threads
 * are busy and the queue is full, {@link #trySubmit} says no, and the caller answers 503.
 */
public final class WorkerPool {
    private final ThreadPoolExecutor executor;

    /**
     * @param name thread name prefix
     * @param threads worker threads
     * @param queueCapacity requests that may wait for a worker
     */
    public WorkerPool(String name, int threads, int queueCapacity) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues {@code task}; false when the pool and its queue are full, or the pool is stopping. */
    public boolean trySubmit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Accepts no more work and waits up to {@code timeout} for queued work to finish; false if some did not. */
    public boolean drain(Duration timeout) {
        executor.shutdown();
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            executor.shutdownNow();
        }
    }
}
