package dev.primary.server.store.sqlite;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.server.store.jdbc.ComputerFilters;
import dev.primary.server.store.jdbc.ComputerPageSql;
import dev.primary.server.store.jdbc.Rows;
import dev.primary.server.store.jdbc.StateCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of one Manage Computers page: filter, sort and page in the database, each over an index
 * ({@code computers_by_name}, {@code computers_by_state}, {@code computers_by_last_contact}).
 * Sorting by state orders LICENSED rows by lease expiry, newest first, so the licensed computers
 * come before the ones whose lease expired, as the states are ordered.
 */
final class ComputerQuerySql implements ComputerPageSql {
    /** Up to how many matches of a search are fetched by id and sorted rather than found along an index. */
    static final long FEW_MATCHES = 20_000;
    private static final String EXPIRED_COUNT = "SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.LICENSED
            + " AND lease_expires_at <= ?";
    private final String where;
    private final List<Object> parameters = new ArrayList<>();
    private final String orderBy;
    private final String countSql;
    private final boolean trigramSearch;
    private final List<Object> countParameters = new ArrayList<>();

    ComputerQuerySql(ComputerQuery query, Instant now) {
        List<String> conditions = new ArrayList<>();
        String search = query.search().toLowerCase(Locale.ROOT);
        this.trigramSearch = usesTrigramIndex(search);
        if (trigramSearch) {
            conditions.add("id IN (SELECT rowid FROM computer_search WHERE holder_key LIKE ?)");
            parameters.add("%" + search + "%");
        } else if (!search.isEmpty()) {
            conditions.add(ComputerFilters.holderKeyContains(search, parameters));
        }
        query.stateFilter().ifPresent(state -> conditions.add(ComputerFilters.inState(state, now, parameters)));
        this.where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        this.orderBy = query.descending() ? ComputerFilters.orderBy(query.sort(), " DESC", " ASC")
                : ComputerFilters.orderBy(query.sort(), " ASC", " DESC");
        this.countSql = countSql(query, now);
    }

    /**
     * The total: without a search, from the trigger-kept {@code computer_counts} (a licensed total less
     * the expired leases, which an index range counts); with one, by counting the matches.
     */
    private String countSql(ComputerQuery query, Instant now) {
        if (!query.search().isEmpty()) {
            countParameters.addAll(parameters);
            return "SELECT COUNT(*) FROM computers" + where;
        }
        ComputerState state = query.stateFilter().orElse(null);
        if (state == null) {
            return "SELECT COALESCE(SUM(computers), 0) FROM computer_counts";
        }
        if (state == ComputerState.EXPIRED) {
            countParameters.add(now);
            return EXPIRED_COUNT;
        }
        if (state == ComputerState.LICENSED) {
            countParameters.add(now);
            return "SELECT (SELECT computers FROM computer_counts WHERE state = " + StateCodes.LICENSED + ") - ("
                    + EXPIRED_COUNT + ")";
        }
        return "SELECT computers FROM computer_counts WHERE state = " + StateCodes.code(state);
    }

    @Override
    public String countSql() {
        return countSql;
    }

    @Override
    public Object[] countParameters() {
        return countParameters.toArray();
    }

    String pageSql() {
        return pageSql(false);
    }

    @Override
    public String pageSql(long total) {
        return pageSql(total <= FEW_MATCHES);
    }

    /**
     * The page. With {@code fewMatches} (a search whose trigram lookup found at most {@link #FEW_MATCHES}
     * computers) the rows are fetched by id and sorted, instead of walking the sort column's index across
     * the whole fleet to find them (the unary {@code +} keeps SQLite from ordering by the index).
     */
    String pageSql(boolean fewMatches) {
        String order = fewMatches && trigramSearch ? "+" + orderBy.replace(", ", ", +") : orderBy;
        return "SELECT " + Rows.COMPUTER_COLUMNS + " FROM computers" + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?";
    }

    @Override
    public Object[] pageParameters(int limit, int offset) {
        return ComputerFilters.pageParameters(parameters, limit, offset);
    }

    /**
     * Whether the search goes through the trigram index {@code computer_search}: it needs three letters
     * and cannot take an ESCAPE clause, so a search for LIKE's own wildcards reads the rows instead.
     */
    static boolean usesTrigramIndex(String search) {
        return search.length() >= 3 && search.indexOf('%') < 0 && search.indexOf('_') < 0;
    }
}
