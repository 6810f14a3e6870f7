package dev.primary.server.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What Manage Computers shows: search text, state filter (empty for all), sort column, order and first row; turned
 * into the links of the page's sort headers and paging.
 *
 * @param search the search text; empty for all
 * @param state a state's wire name ({@code waiting}); empty for all
 * @param sort {@code name}, {@code state} or {@code last-contact}
 * @param descending the order
 * @param offset the first row shown (0-based)
 */
public record ComputerFilter(String search, String state, String sort, boolean descending, int offset) {
    /** Rows per page. */
    public static final int PAGE_SIZE = 50;

    /** The link to this filter at another first row. */
    public String at(int first) {
        return "/console/computers?search=" + encode(search) + "&state=" + encode(state) + "&sort=" + encode(sort)
                + "&order=" + (descending ? "desc" : "asc") + (first > 0 ? "&offset=" + first : "");
    }

    /** The link of a column's header: sorted by it, the other way round when it is the sort column already. */
    public String sortedBy(String column) {
        boolean flip = column.equals(sort) && !descending;
        return new ComputerFilter(search, state, column, flip, 0).at(0);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the header's {@code aria-sort}. */
    public String ariaSort(String column) {
        return !column.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }

    public boolean isState(String value) {
        return state.equals(value.toLowerCase(Locale.ROOT));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
