package dev.primary.server.store.postgres;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.server.store.jdbc.ComputerFilters;
import dev.primary.server.store.jdbc.ComputerPageSql;
import dev.primary.server.store.jdbc.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of one Manage Computers page on PostgreSQL: filter, sort and page in the database over the same
 * indexes as the SQLite store. The total is counted with the page's own filter; a search reads
 * {@code holder_key} with {@code LIKE} (no trigram index yet). Sorting by state orders LICENSED rows by lease
 * expiry, newest first; NULLs sort as on SQLite (first ascending, last descending), so both stores page alike.
 */
final class ComputerQuerySql implements ComputerPageSql {
    private final String where;
    private final List<Object> parameters = new ArrayList<>();
    private final String orderBy;

    ComputerQuerySql(ComputerQuery query, Instant now) {
        List<String> conditions = new ArrayList<>();
        String search = query.search().toLowerCase(Locale.ROOT);
        if (!search.isEmpty()) {
            conditions.add(ComputerFilters.holderKeyContains(search, parameters));
        }
        query.stateFilter().ifPresent(state -> conditions.add(ComputerFilters.inState(state, now, parameters)));
        this.where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        this.orderBy = query.descending()
                ? ComputerFilters.orderBy(query.sort(), " DESC NULLS LAST", " ASC NULLS FIRST")
                : ComputerFilters.orderBy(query.sort(), " ASC NULLS FIRST", " DESC NULLS LAST");
    }

    @Override
    public String countSql() {
        return "SELECT COUNT(*) FROM computers" + where;
    }

    @Override
    public Object[] countParameters() {
        return parameters.toArray();
    }

    /** The same page whatever the total: PostgreSQL plans a search itself. */
    @Override
    public String pageSql(long total) {
        return "SELECT " + Rows.COMPUTER_COLUMNS + " FROM computers" + where + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?";
    }

    @Override
    public Object[] pageParameters(int limit, int offset) {
        return ComputerFilters.pageParameters(parameters, limit, offset);
    }
}
