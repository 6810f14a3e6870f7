package dev.primary.client.testing;

import dev.primary.client.service.Scheduler;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A {@link Scheduler} on {@link FakeTime}: tasks run only when the test advances time, in due order, on the test's thread. */
public final class ManualScheduler implements Scheduler {
    private static final int MAX_TASKS_PER_ADVANCE = 1_000_000;

    private final FakeTime time;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparingLong(Entry::due).thenComparingLong(Entry::order));
    private long order;

    public ManualScheduler(FakeTime time) {
        this.time = time;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(time.nanoTime() + Math.max(0, delay.toNanos()), order++, task);
        queue.add(entry);
        return () -> {
            synchronized (ManualScheduler.this) {
                queue.remove(entry);
            }
        };
    }

    /** Runs the tasks due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Lets {@code duration} pass, running each task at its due time. */
    public void advance(Duration duration) {
        long target = time.nanoTime() + duration.toNanos();
        for (int count = 0; ; count++) {
            if (count > MAX_TASKS_PER_ADVANCE) {
                throw new IllegalStateException("more than " + MAX_TASKS_PER_ADVANCE + " tasks: a busy loop?");
            }
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due() > target) {
                    break;
                }
                queue.poll();
            }
            long wait = next.due() - time.nanoTime();
            if (wait > 0) {
                time.advance(Duration.ofNanos(wait));
            }
            next.task().run();
        }
        long rest = target - time.nanoTime();
        if (rest > 0) {
            time.advance(Duration.ofNanos(rest));
        }
    }

    private record Entry(long due, long order, Runnable task) {
    }
}
