package dev.primary.server.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Holds a store's writer inside a unit, so that the units submitted meanwhile queue behind it and are committed
 * together once it is let go: how a test builds a group of its choosing. Every wait ends at its event; 60 s is only
 * the bound after which the test fails.
 */
public final class WriterHold {
    private WriterHold() {}

    /** Holds {@code store}'s writer inside a unit that changes nothing, until the returned latch is opened. */
    public static CountDownLatch hold(LicensingStore store) throws InterruptedException {
        return hold(store, writes -> { });
    }

    /** Holds {@code store}'s writer inside a unit that first runs {@code first}, until the returned latch is opened. */
    public static CountDownLatch hold(LicensingStore store, Consumer<LicensingWrites> first)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> store.write(writes -> {
            first.accept(writes);
            inside.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(inside.await(60, TimeUnit.SECONDS)).as("the writer runs the holding unit").isTrue();
        return release;
    }

    /** Waits until {@code queued} (the store's units waiting for its writer) reaches {@code count}. */
    public static void awaitQueued(IntSupplier queued, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (queued.getAsInt() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queued.getAsInt()).as("units queued for the writer").isEqualTo(count);
    }
}
