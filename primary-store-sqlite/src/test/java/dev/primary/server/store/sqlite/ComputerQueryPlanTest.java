package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manage Computers must stay fast at a million computers: every page, count and check-in query
 * runs over an index, and no page is sorted in memory (except the few computers whose lease
 * expired). Checked on SQLite's own query plans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputerQueryPlanTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    SqliteStore store;

    @BeforeAll
    void open(@TempDir Path directory) {
        store = SqliteStore.open(directory.resolve("primary.db"));
    }

    @AfterAll
    void close() {
        store.close();
    }

    private String plan(String sql, Object... parameters) {
        return store.write(writes -> ((SqliteWrites) writes).session
                .list("EXPLAIN QUERY PLAN " + sql, row -> row.getString(4), parameters)).toString();
    }

    private static Object[] placeholders(String sql) {
        Object[] values = new Object[(int) sql.chars().filter(c -> c == '?').count()];
        Arrays.fill(values, 1L);
        return values;
    }

    @Test
    void every_sort_with_or_without_a_state_filter_reads_the_page_in_index_order() {
        for (ComputerQuery.Sort sort : ComputerQuery.Sort.values()) {
            for (boolean descending : List.of(false, true)) {
                for (ComputerState state : Arrays.asList(null, ComputerState.LICENSED, ComputerState.WAITING,
                        ComputerState.RESERVED, ComputerState.REVOKED)) {
                    ComputerQuerySql sql = new ComputerQuerySql(
                            new ComputerQuery("pc", state, sort, descending, 0, 100), NOW);
                    String page = plan(sql.pageSql(), sql.pageParameters(100, 0));
                    assertThat(page).as(sort + (descending ? " desc" : " asc") + ", state " + state)
                            .contains("USING INDEX").doesNotContain("TEMP B-TREE");
                    assertThat(plan(sql.countSql(), sql.countParameters())).contains("USING COVERING INDEX");
                    ComputerQuerySql unsearched = new ComputerQuerySql(
                            new ComputerQuery("", state, sort, descending, 0, 100), NOW);
                    assertThat(plan(unsearched.countSql(), unsearched.countParameters()))
                            .as("a total without a search reads the kept counts, or an index range at most")
                            .doesNotContain("SCAN computers");
                }
            }
        }
        assertThat(plan(SqliteDialect.HOLDER_COUNTS, NOW)).doesNotContain("SCAN computers");
    }

    @Test
    void the_summarys_missing_and_expired_leases_are_index_ranges_not_every_licensed_computer() {
        String plan = plan(SqliteDialect.HOLDER_COUNTS, NOW);

        assertThat(plan).contains("computers_by_state (state=? AND lease_expires_at=?)")
                .contains("computers_by_state (state=? AND lease_expires_at<?)")
                .doesNotContain("computers_by_state (state=?)").doesNotContain("SCAN computers");
    }

    @Test
    void a_search_of_three_letters_or_more_looks_its_rows_up_in_the_trigram_index() {
        ComputerQuerySql sql = new ComputerQuerySql(new ComputerQuery("pc-0004", null, ComputerQuery.Sort.NAME, false,
                0, 100), NOW);

        assertThat(plan(sql.countSql(), sql.countParameters())).contains("VIRTUAL TABLE INDEX")
                .doesNotContain("SCAN computers");
        assertThat(plan(sql.pageSql(), sql.pageParameters(100, 0))).contains("VIRTUAL TABLE INDEX");
        assertThat(plan(sql.pageSql(true), sql.pageParameters(100, 0)))
                .as("a search with few matches fetches them by id and sorts them, walking no index of the fleet")
                .contains("VIRTUAL TABLE INDEX").contains("INTEGER PRIMARY KEY").doesNotContain("SCAN computers");
    }

    @Test
    void the_expired_filter_searches_the_lease_expiry_range() {
        ComputerQuerySql sql = new ComputerQuerySql(
                new ComputerQuery("", ComputerState.EXPIRED, ComputerQuery.Sort.STATE, false, 0, 100), NOW);

        assertThat(plan(sql.pageSql(), sql.pageParameters(100, 0)))
                .contains("computers_by_state (state=? AND lease_expires_at<?)").doesNotContain("TEMP B-TREE");
    }

    @Test
    void the_queries_of_a_check_in_and_of_the_queue_search_an_index_and_sort_nothing() {
        for (String sql : List.of(SqliteReads.COMPUTERS_OF_CLIENT, SqliteReads.COMPUTERS_NAMED,
                SqliteReads.OLDEST_WAITING, SqliteReads.SILENT_SINCE)) {
            assertThat(plan(sql, placeholders(sql))).as(sql).contains("SEARCH").doesNotContain("TEMP B-TREE");
        }
        assertThat(plan(SqliteReads.WAITING_AHEAD, placeholders(SqliteReads.WAITING_AHEAD)))
                .as("a place in line counts only the computers ahead")
                .contains("computers_queue (state=? AND waiting_since<?)");
        assertThat(plan(SqliteReads.WAITING_BETWEEN, placeholders(SqliteReads.WAITING_BETWEEN)))
                .as("the places of a page count only the stretch of the queue between two of its computers")
                .contains("computers_queue (state=? AND waiting_since>? AND waiting_since<?)");
    }

    @Test
    void the_update_queries_of_a_check_in_and_of_the_release_views_search_an_index() {
        assertThat(plan(SqliteReads.UPDATE_RECORDS, 1L)).as("a computer's update records")
                .contains("SEARCH computer_updates USING PRIMARY KEY (computer_id=?)");
        assertThat(plan(SqliteDialect.ROLLOUT_COUNTS, 1L)).as("a rollout's counts")
                .contains("computer_updates_by_rollout (rollout_id=?)");
        assertThat(plan(SqliteReads.RECORDER_RUNNING, "1.2.345")).contains("computers_by_recorder_version");
        assertThat(plan(SqliteReads.CLIENT_RUNNING, "1.2.345")).contains("computers_by_client_version");
        assertThat(plan(SqliteReads.CONTENT_APPLIED, 7L)).contains("computers_by_content_revision");
    }
}
