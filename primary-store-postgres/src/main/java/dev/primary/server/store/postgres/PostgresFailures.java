package dev.primary.server.store.postgres;

import dev.primary.server.PrimaryException;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreFullException;
import dev.primary.server.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What a PostgreSQL failure means to the caller, by its SQLSTATE: a full disk ({@code 53100}) is
 * {@link StoreFullException}; no pooled connection in time, or a lock not had within {@code lock_timeout}
 * ({@code 55P03}), is {@link StoreBusyException} (retry later); everything else is {@link StoreUnavailableException}.
 */
final class PostgresFailures {
    static final String DISK_FULL = "53100";
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private PostgresFailures() {}

    static PrimaryException classify(String what, SQLException failure) {
        String state = String.valueOf(failure.getSQLState());
        if (DISK_FULL.equals(state)) {
            return new StoreFullException("the store's disk is full (" + failure.getMessage() + "); " + what
                    + " was not kept", failure);
        }
        if (LOCK_NOT_AVAILABLE.equals(state) || failure instanceof SQLTransientConnectionException) {
            return new StoreBusyException("the store is busy (" + failure.getMessage() + "); " + what
                    + " was not kept; retry later");
        }
        return new StoreUnavailableException(what + " failed (" + failure.getMessage() + ")", failure);
    }
}
