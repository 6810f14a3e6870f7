package dev.primary.server.store.jdbc;

import dev.primary.server.store.StoreFullException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a {@link GroupCommitWriter} runs its groups: each group is one transaction, opened here, on a connection of
 * the store's, with the context its units work on.
 *
 * @param <C> what a unit works on (the store's write API over the transaction's connection)
 */
public interface GroupTransactions<C> {
    /**
     * Opens the next group's transaction: a connection whose transaction is begun (and, where the store needs it, whose
     * write lock is held).
     */
    Transaction<C> open() throws SQLException;

    /** What {@code failure} of {@code what} (a commit, a rollback, the opening) means to the callers of its units. */
    RuntimeException failure(String what, SQLException failure);

    /**
     * Whether a unit's failure fails its whole group instead of its unit alone: a full disk, after which the database
     * may have rolled the whole transaction back already, so that no savepoint is left to trust.
     */
    default boolean failsTheGroup(RuntimeException unitFailure) {
        return unitFailure instanceof StoreFullException;
    }

    /** One group's transaction. */
    interface Transaction<C> {
        Connection connection();

        C context();

        /**
         * Rolls the whole transaction back; a failure to do so is added to {@code failure}. Never throws: the group's
         * callers are told {@code failure} either way.
         */
        void rollback(RuntimeException failure);

        /** Ends the group's use of the connection (a pooled one goes back to its pool); after its commit or rollback. */
        void close();
    }
}
