package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.server.console.ConsoleFrame;
import dev.primary.server.console.OverviewModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Overview's template as the server renders it: without statistics it says so; names are escaped in the SVG. */
class ConsoleOverviewTemplateTest {
    private static final ConsoleFrame FRAME = new ConsoleFrame("Overview", "overview", "ada", "viewer", "csrf", "", "");

    @Test
    void without_statistics_the_page_says_so_and_draws_no_chart() {
        String page = render(OverviewModel.withoutStatistics(FRAME));

        assertThat(page).contains("This server keeps no statistics").doesNotContain("<svg");
    }

    @Test
    void with_no_hour_kept_and_no_computer_the_charts_are_empty_and_say_so() {
        Instant to = Instant.parse("2026-12-06T12:30:00Z");
        String page = render(OverviewModel.of(FRAME, new HourlyStatsPage(to.minusSeconds(7 * 24 * 3600), to,
                List.of()), new RecorderVersions(0, List.of())));

        assertThat(page).contains("id=\"check-ins-chart\"").doesNotContain("<polyline").doesNotContain("<circle")
                .contains("0 check-ins since").contains("No computer has registered yet.")
                .contains("Now —");
    }

    @Test
    void a_version_label_is_text_in_the_svg_not_markup() {
        Instant to = Instant.parse("2026-12-06T12:30:00Z");
        String page = render(OverviewModel.of(FRAME, new HourlyStatsPage(to.minusSeconds(3600), to, List.of()),
                new RecorderVersions(1, List.of(new RecorderVersionCount("<script>x</script>", 1)))));

        assertThat(page).doesNotContain("<script>x").contains("&lt;script&gt;x&lt;/script&gt;");
    }

    private static String render(OverviewModel model) {
        return new String(new ConsoleTemplates().page("overview.jte", model).body(), StandardCharsets.UTF_8);
    }
}
