package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Manage Computers page both stores write alike: the search and state conditions, the sort and the
 * page's parameters. Each condition adds its parameters to the list it is given, in the order of its {@code ?}s.
 */
public final class ComputerFilters {
    private ComputerFilters() {}

    /** Holder keys that contain {@code search} (lower case), LIKE's wildcards in it taken as letters. */
    public static String holderKeyContains(String search, List<Object> parameters) {
        parameters.add("%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        return "holder_key LIKE ? ESCAPE '!'";
    }

    /** Computers in {@code state} at {@code now}: EXPIRED is never stored, it is LICENSED with a lease that ran out. */
    public static String inState(ComputerState state, Instant now, List<Object> parameters) {
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

    /**
     * The ORDER BY of {@code sort}, each column in {@code direction}; sorting by state orders LICENSED rows by lease
     * expiry the {@code opposite} way, newest first, so the licensed computers come before the expired ones.
     */
    public static String orderBy(ComputerQuery.Sort sort, String direction, String opposite) {
        return switch (sort) {
            case NAME -> "name_key" + direction + ", holder_key" + direction;
            case STATE -> "state" + direction + ", lease_expires_at" + opposite + ", name_key" + direction
                    + ", holder_key" + direction;
            case LAST_CONTACT -> "last_contact" + direction + ", holder_key" + direction;
        };
    }

    /** The filter's {@code parameters}, then the page's LIMIT and OFFSET. */
    public static Object[] pageParameters(List<Object> parameters, int limit, int offset) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        all.add(offset);
        return all.toArray();
    }
}
