package dev.primary.server.store.postgres;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.server.store.jdbc.ComputerPageSql;
import dev.primary.server.store.jdbc.Rows;
import dev.primary.server.store.jdbc.StateCodes;
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
            conditions.add("holder_key LIKE ? ESCAPE '!'");
            parameters.add("%" + escapeLike(search) + "%");
        }
        query.stateFilter().ifPresent(state -> conditions.add(stateCondition(state, now)));
        this.where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        this.orderBy = orderBy(query.sort(), query.descending());
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
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        all.add(offset);
        return all.toArray();
    }

    private String stateCondition(ComputerState state, Instant now) {
        if (state == ComputerState.LICENSED) {
            parameters.add(now);
            return "state = " + StateCodes.LICENSED + " AND (lease_expires_at IS NULL OR lease_expires_at > ?)";
        }
        if (state == ComputerState.EXPIRED) {
            parameters.add(now);
            return "state = " + StateCodes.LICENSED + " AND lease_expires_at <= ?";
        }
        return "state = " + StateCodes.code(state);
    }

    private static String orderBy(ComputerQuery.Sort sort, boolean descending) {
        String direction = descending ? " DESC NULLS LAST" : " ASC NULLS FIRST";
        String opposite = descending ? " ASC NULLS FIRST" : " DESC NULLS LAST";
        return switch (sort) {
            case NAME -> "name_key" + direction + ", holder_key" + direction;
            case STATE -> "state" + direction + ", lease_expires_at" + opposite + ", name_key" + direction
                    + ", holder_key" + direction;
            case LAST_CONTACT -> "last_contact" + direction + ", holder_key" + direction;
        };
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
