package dev.primary.server.store.sqlite;

import dev.primary.server.store.CommitObserver;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreFullException;
import dev.primary.server.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer thread, with group commit. Callers submit units of work and wait; the
 * writer takes everything queued, runs each unit in its own savepoint inside one transaction (a
 * unit that throws is rolled back alone, and its caller gets the exception), commits once (one
 * fsync for the whole batch), and only then hands each caller its result. Units run one at a
 * time, so a unit that checks for a free seat and takes it cannot be overtaken. A full disk fails the unit (or the
 * batch) with {@link StoreFullException} and is not logged here: the callers answer it, and the HTTP edge logs it
 * once per burst.
 *
 * @param <C> what a unit works on (the store's write API over this writer's connection)
 */
final class GroupCommitWriter<C> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final Connection connection;
    private final C context;
    private final BlockingQueue<Unit<C, ?>> queue;
    private final int queueCapacity;
    private final int maxBatch;
    private final Duration waitLimit;
    private final Path directory;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private volatile boolean closed;
    private volatile CommitObserver observer = CommitObserver.NONE;

    /** @param directory the database's directory, to tell a full disk from other I/O errors ({@link SqliteFailures}) */
    GroupCommitWriter(String name, Connection connection, C context, int queueCapacity, int maxBatch,
            Duration waitLimit, Path directory) {
        this.connection = connection;
        this.directory = directory;
        this.context = context;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.queueCapacity = queueCapacity;
        this.maxBatch = maxBatch;
        this.waitLimit = waitLimit;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Tells {@code next} of every commit from now on. */
    void observeCommits(CommitObserver next) {
        observer = next;
    }

    /** Runs {@code work} in the writer and returns its result once it is committed. */
    <T> T submit(Function<C, T> work) {
        if (closed) {
            throw new StoreUnavailableException("the store is closed");
        }
        Unit<C, T> unit = new Unit<>(work);
        if (!queue.offer(unit)) {
            throw new StoreBusyException("the store has " + queueCapacity + " writes queued; retry later");
        }
        return unit.await(waitLimit);
    }

    /** Transactions committed so far (each holds one or more units). */
    long commits() {
        return commits.get();
    }

    /** Units run so far. */
    long units() {
        return units.get();
    }

    /** Units waiting now. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Unit<C, ?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stop = batch.removeIf(Unit::isStop);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
            if (stop) {
                break;
            }
        }
    }

    private void commit(List<Unit<C, ?>> batch) {
        long started = System.nanoTime();
        try {
            for (Unit<C, ?> unit : batch) {
                runInSavepoint(unit);
            }
            connection.commit();
            commits.incrementAndGet();
            units.addAndGet(batch.size());
            observer.committed(batch.size(), System.nanoTime() - started);
            batch.forEach(Unit::complete);
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof SQLException sql
                    ? SqliteFailures.classify("a commit of " + batch.size() + " writes", sql, directory)
                    : e instanceof StoreFullException full ? full
                    : new StoreUnavailableException("the store could not commit the write: " + e.getMessage(), e);
            if (!(failure instanceof StoreFullException)) {
                LOG.error("store - a commit of {} writes failed; none of them was kept", batch.size(), e);
            }
            rollbackAll(failure);
            batch.forEach(unit -> unit.fail(failure));
        }
    }

    /**
     * Rolls the transaction back. When SQLite already did (it may, on a full disk), the rollback fails and the
     * driver does not open the next transaction: it is opened here, so the next batch never runs statement by
     * statement outside a transaction.
     */
    private void rollbackAll(RuntimeException failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            try (Statement begin = connection.createStatement()) {
                begin.execute("BEGIN");
            } catch (SQLException beginFailure) {
                failure.addSuppressed(beginFailure);
            }
        }
    }

    /**
     * Runs one unit in its own savepoint; a unit that throws is rolled back alone. A full disk fails the whole batch
     * instead: SQLite may have rolled the whole transaction back already, so no savepoint is left to trust.
     */
    private void runInSavepoint(Unit<C, ?> unit) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            unit.run(context);
        } catch (StoreFullException full) {
            throw full;
        } catch (RuntimeException | Error e) {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            unit.fail(e);
            return;
        }
        connection.releaseSavepoint(savepoint);
    }

    @Override
    public void close() {
        closed = true;
        try {
            queue.put(Unit.stop());
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Unit<C, ?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(unit -> unit.fail(new StoreUnavailableException("the store was closed before the write ran")));
    }

    /** One submitted unit of work; its caller waits on {@link #await}. */
    private static final class Unit<C, T> {
        private final Function<C, T> work;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;

        private Unit(Function<C, T> work) {
            this.work = work;
        }

        static <C> Unit<C, Void> stop() {
            return new Unit<>(null);
        }

        boolean isStop() {
            return work == null;
        }

        void run(C context) {
            result = work.apply(context);
        }

        void complete() {
            done.complete(result);
        }

        void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }

        T await(Duration waitLimit) {
            try {
                return done.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new StoreUnavailableException("the write failed: " + cause, cause);
            } catch (TimeoutException e) {
                throw new StoreUnavailableException("the store did not complete a write within " + waitLimit.toSeconds()
                        + " s; it may still complete");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while waiting for the store; the write may still complete");
            }
        }
    }
}
