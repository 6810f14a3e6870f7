package dev.primary.bench.fleet.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {
    @Test
    void the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() {
        assertThat(ConsolePages.median(new double[] {1, 2, 9})).isEqualTo(2);
        assertThat(ConsolePages.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
        assertThat(ConsolePages.median(new double[] {5})).isEqualTo(5);
    }

    @Test
    void settings_refuse_more_licensed_than_computers_and_no_repeat() {
        Path none = Path.of("/none");
        assertThatThrownBy(() -> new ConsolePages.Settings(10, 11, 1, 0, none, none, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("licensed <= computers");
        assertThatThrownBy(() -> new ConsolePages.Settings(10, 10, 0, 0, none, none, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 repeat");
    }

    @Test
    void the_report_has_a_row_per_page_for_the_server_and_for_the_browser() {
        ConsolePages.Page page = ConsolePages.PAGES.get(0);
        ConsolePages.Report report = new ConsolePages.Report(1000, 1000, 1.5, 200L * 1024 * 1024, "chrome 1",
                List.of(new ConsolePages.ServerTiming(page, 120, 40.4, 30, 50, 1000, "1–50 of 1,000", 25)),
                List.of(new ConsolePages.BrowserTiming(page, 20, 60.6, 55, 70, 80, 90, 150, 50, 1)), "1.00 0.50 0.25",
                "2.00 1.00 0.50");

        List<String> lines = ConsolePages.markdown(report);

        assertThat(lines).contains("| first page (sorted by name) | 120 ms | 40 ms | 30–50 ms | 25 ms | 1–50 of 1,000 |",
                "| first page (sorted by name) | 20 ms | **61 ms** | 55–70 ms | 80 ms | 90 ms | 150 ms | 50 | 1 |");
        assertThat(lines.get(0)).startsWith("1,000 computers in the store").contains("200 MB")
                .contains("load average before 1.00 0.50 0.25, after 2.00 1.00 0.50");
    }

    @Test
    void each_page_of_manage_computers_is_timed_beside_the_same_query_of_the_admin_api() {
        assertThat(ConsolePages.PAGES).filteredOn(page -> page.table().equals("computers")).allSatisfy(page ->
                assertThat(page.api()).startsWith("/admin/v1/computers?limit=50").endsWith(
                        page.path().contains("?") ? page.path().substring(page.path().indexOf('?') + 1) : "limit=50"));
    }
}
