package dev.primary.server.store.jdbc;

/** The SQL of one Manage Computers page, as a store finds the total and the page fastest. */
public interface ComputerPageSql {
    /** The total that match; its one row's first column. */
    String countSql();

    Object[] countParameters();

    /** The page's rows in {@link Rows#COMPUTER_COLUMNS}, knowing the {@code total} that match. */
    String pageSql(long total);

    Object[] pageParameters(int limit, int offset);
}
