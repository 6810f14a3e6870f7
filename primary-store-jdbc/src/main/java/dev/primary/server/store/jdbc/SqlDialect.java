package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.server.licensing.ComputerRows;
import java.time.Instant;

/** Where one database's SQL differs from the statements {@link JdbcReads} and {@link JdbcWrites} share. */
public interface SqlDialect {
    /**
     * Computers in a state, silent since a cutoff (those never heard from first), of one enrollment token or of
     * any when it is empty; parameters: state code, cutoff, token id twice, limit.
     */
    String silentInState();

    /** Active (a lease valid now), reserved and waiting holders, in one row; parameter: now. */
    String holderCounts();

    /** A rollout's computers, installed and failed, in one row; parameter: the rollout's id. */
    String rolloutCounts();

    /**
     * Stores a computer's update record, replacing the one for the same product and rollout; parameters: the
     * computer's id, then {@link ReleaseRows#UPDATE_COLUMNS}.
     */
    String saveUpdateRecord();

    /** One page of Manage Computers and the total that match, as this database finds them fastest. */
    ComputerRows computers(SqlStatements statements, ComputerQuery query, Instant now);
}
