package dev.primary.server.store.sqlite;

import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreUnavailableException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-only connections for reads that need not wait for the writer (WAL lets them run alongside
 * it). Opened on demand up to a limit; each read runs in one transaction, so it sees one snapshot.
 */
final class ReadConnections implements AutoCloseable {
    private final Supplier<Connection> opener;
    private final BlockingQueue<SqliteReads> idle;
    private final int limit;
    private int opened;
    private final Duration waitLimit;
    private boolean closed;

    ReadConnections(Supplier<Connection> opener, int limit, Duration waitLimit) {
        this.opener = opener;
        this.idle = new ArrayBlockingQueue<>(limit);
        this.limit = limit;
        this.waitLimit = waitLimit;
    }

    <T> T read(Function<SqliteReads, T> work) {
        SqliteReads reads = borrow();
        try {
            T result = work.apply(reads);
            reads.session.commit();
            return result;
        } catch (RuntimeException | Error e) {
            reads.session.rollbackQuietly();
            throw e;
        } finally {
            giveBack(reads);
        }
    }

    private SqliteReads borrow() {
        SqliteReads reads = idle.poll();
        if (reads != null) {
            return reads;
        }
        synchronized (this) {
            if (closed) {
                throw new StoreUnavailableException("the store is closed");
            }
            if (opened < limit) {
                SqliteReads fresh = new SqliteReads(new SqlSession(opener.get()));
                opened++;
                return fresh;
            }
        }
        try {
            reads = idle.poll(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a store connection");
        }
        if (reads == null) {
            throw new StoreBusyException("all " + limit + " store read connections are busy; retry later");
        }
        return reads;
    }

    private void giveBack(SqliteReads reads) {
        synchronized (this) {
            if (closed) {
                reads.session.close();
                return;
            }
        }
        idle.offer(reads);
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<SqliteReads> idleNow = new ArrayList<>();
        idle.drainTo(idleNow);
        idleNow.forEach(reads -> reads.session.close());
    }
}
