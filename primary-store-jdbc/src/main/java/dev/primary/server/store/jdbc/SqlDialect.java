package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.ComputerQuery;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Where one database's SQL differs from the statements {@link JdbcReads} and {@link JdbcWrites} share.
 *
 * @param silentInState computers in a state, silent since a cutoff (those never heard from first), of one
 *     enrollment token or of any when it is empty; parameters: state code, cutoff, token id twice, limit
 * @param holderCounts active (a lease valid now), reserved and waiting holders, in one row; parameter: now
 * @param rolloutCounts a rollout's computers, installed and failed, in one row; parameter: the rollout's id
 * @param saveUpdateRecord stores a computer's update record, replacing the one for the same product and rollout;
 *     parameters: the computer's id, then {@link ReleaseRows#UPDATE_COLUMNS}
 * @param computerPage the SQL of one Manage Computers page, for a query at an instant
 */
public record SqlDialect(String silentInState, String holderCounts, String rolloutCounts, String saveUpdateRecord,
        BiFunction<ComputerQuery, Instant, ComputerPageSql> computerPage) {}
