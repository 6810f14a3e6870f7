package dev.primary.server.store.jdbc;

import dev.primary.server.store.CommitObserver;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
 * A store's one writer thread, with group commit. Callers submit units of work and wait; the
 * writer takes everything queued, runs each unit in its own savepoint inside one transaction (a
 * unit that throws is rolled back alone, and its caller gets the exception), commits once (one
 * sync for the whole batch), and only then hands each caller its result. Units run one at a
 * time, so a unit that checks for a free seat and takes it cannot be overtaken. Where the transaction runs is the
 * store's ({@link GroupTransactions}): the embedded store's one connection, or a pooled connection holding the
 * database's write lock. A full disk fails the unit (or the batch) with
 * {@link dev.primary.server.store.StoreFullException} and is not logged here: the callers answer it, and the HTTP
 * edge logs it once per burst.
 *
 * @param <C> what a unit works on (the store's write API over the transaction's connection)
 */
public final class GroupCommitWriter<C> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final GroupTransactions<C> transactions;
    private final BlockingQueue<Unit<C, ?>> queue;
    private final int queueCapacity;
    private final int maxBatch;
    private final Duration waitLimit;
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong units = new AtomicLong();
    private volatile boolean closed;
    private volatile CommitObserver observer = CommitObserver.NONE;

    /**
     * Starts the writer thread {@code name}.
     *
     * @param queueCapacity units that may wait before {@link #submit} refuses more as busy
     * @param maxBatch units committed together at most
     * @param waitLimit how long a caller waits for its unit to be committed
     */
    public GroupCommitWriter(String name, GroupTransactions<C> transactions, int queueCapacity, int maxBatch,
            Duration waitLimit) {
        this.transactions = transactions;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.queueCapacity = queueCapacity;
        this.maxBatch = maxBatch;
        this.waitLimit = waitLimit;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Tells {@code next} of every commit from now on. */
    public void observeCommits(CommitObserver next) {
        observer = next;
    }

    /** Runs {@code work} in the writer and returns its result once it is committed. */
    public <T> T submit(Function<C, T> work) {
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
    public long commits() {
        return commits.get();
    }

    /** Units run so far. */
    public long units() {
        return units.get();
    }

    /** Units waiting now. */
    public int queued() {
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
        GroupTransactions.Transaction<C> transaction;
        try {
            transaction = transactions.open();
        } catch (SQLException e) {
            RuntimeException failure = transactions.failure("opening a transaction for " + batch.size() + " writes", e);
            batch.forEach(unit -> unit.fail(failure));
            return;
        } catch (RuntimeException e) {
            batch.forEach(unit -> unit.fail(e));
            return;
        }
        try {
            for (Unit<C, ?> unit : batch) {
                runInSavepoint(transaction, unit);
            }
            transaction.connection().commit();
        } catch (SQLException e) {
            failAll(batch, transaction, transactions.failure("a commit of " + batch.size() + " writes", e), e);
            return;
        } catch (RuntimeException e) {
            failAll(batch, transaction, transactions.failsTheGroup(e) ? e
                    : new StoreUnavailableException("the store could not commit the write: " + e.getMessage(), e), e);
            return;
        } finally {
            transaction.close();
        }
        commits.incrementAndGet();
        units.addAndGet(batch.size());
        batch.forEach(Unit::complete);
        notifyObserver(batch.size(), System.nanoTime() - started);
    }

    /** After the units are answered: an observer that fails cannot turn a commit into a failure its callers are told. */
    private void notifyObserver(int writes, long nanos) {
        try {
            observer.committed(writes, nanos);
        } catch (RuntimeException e) {
            LOG.warn("store - the commit observer failed; the commit of {} writes stands", writes, e);
        }
    }

    /** Rolls the group back and fails each of its units with {@code failure}; logged unless it is a full disk. */
    private void failAll(List<Unit<C, ?>> batch, GroupTransactions.Transaction<C> transaction,
            RuntimeException failure, Exception cause) {
        if (!transactions.failsTheGroup(failure)) {
            LOG.error("store - a commit of {} writes failed; none of them was kept", batch.size(), cause);
        }
        transaction.rollback(failure);
        batch.forEach(unit -> unit.fail(failure));
    }

    /**
     * Runs one unit in its own savepoint; a unit that throws is rolled back alone. A failure that
     * {@linkplain GroupTransactions#failsTheGroup fails the group} (a full disk) fails the whole batch instead.
     */
    private void runInSavepoint(GroupTransactions.Transaction<C> transaction, Unit<C, ?> unit) throws SQLException {
        Connection connection = transaction.connection();
        Savepoint savepoint = connection.setSavepoint();
        try {
            unit.run(transaction.context());
        } catch (RuntimeException | Error e) {
            if (e instanceof RuntimeException failure && transactions.failsTheGroup(failure)) {
                throw failure;
            }
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
