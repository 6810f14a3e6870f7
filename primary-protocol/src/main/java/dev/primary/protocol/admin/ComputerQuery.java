package dev.primary.protocol.admin;

import java.util.Locale;
import java.util.Optional;

/**
 * What page of Manage Computers to show.
 *
 * @param search case-insensitive text matched against computer name, domain and user; empty for all
 * @param state only computers in this state; absent for all
 * @param sort the column to sort by
 * @param descending sort order
 * @param offset index of the first row (0-based)
 * @param limit page size, 1 to 1000
 */
public record ComputerQuery(String search, ComputerState state, Sort sort, boolean descending, int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public ComputerQuery {
        search = search == null ? "" : search.strip();
        sort = sort == null ? Sort.NAME : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static ComputerQuery all() {
        return new ComputerQuery("", null, Sort.NAME, false, 0, MAX_LIMIT);
    }

    public Optional<ComputerState> stateFilter() {
        return Optional.ofNullable(state);
    }

    /** Columns Manage Computers sorts by. */
    public enum Sort {
        NAME, STATE, LAST_CONTACT;

        public static Sort parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort must be name, state or last-contact, got \"" + text + "\"");
            }
        }
    }
}
