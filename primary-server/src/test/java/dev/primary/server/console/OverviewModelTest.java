package dev.primary.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.admin.HourlyStatsPage;
import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewModelTest {
    private static final ConsoleFrame FRAME = new ConsoleFrame("Overview", "overview", "ada", "viewer", "csrf", "", "");
    private static final Instant NOW = Instant.parse("2026-12-06T12:30:00Z");

    @Test
    void a_week_has_one_slot_an_hour_and_an_hour_not_kept_is_a_gap_in_both_lines() {
        Instant from = NOW.minus(Duration.ofDays(7));
        Instant firstHour = Instant.parse("2026-11-29T13:00:00Z");
        List<HourlyStats> hours = new ArrayList<>();
        for (int slot = 0; slot < 168; slot++) {
            if (slot != 5) {
                Instant hour = firstHour.plus(Duration.ofHours(slot));
                hours.add(new HourlyStats(hour, slot, 0, 0,
                        new HourlyStats.SeatSample(hour, 1, 100, slot % 100, 0, 0, 0)));
            }
        }

        OverviewModel model = OverviewModel.of(FRAME, new HourlyStatsPage(from, NOW, hours),
                new RecorderVersions(0, List.of()));

        assertThat(model.from()).isEqualTo(firstHour);
        assertThat(model.last()).isEqualTo(Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(model.middleOfRange()).isEqualTo("2026-12-03 00:30 UTC");
        assertThat(model.checkIns().segments()).hasSize(2);
        assertThat(model.checkIns().segments().get(1).points().get(161).slot()).isEqualTo(167);
        assertThat(model.seatsUsed().segments()).hasSize(2);
        assertThat(model.checkInsTotal()).isEqualTo(167 * 168 / 2 - 5);
        assertThat(model.busiestHour()).hasValueSatisfying(hour -> assertThat(hour.checkIns()).isEqualTo(167));
        assertThat(model.seatsUsedPeak()).isEqualTo(99);
        assertThat(model.seatsUsedNow()).isEqualTo("67 of 100 seats");
    }

    @Test
    void an_hour_without_a_seat_sample_is_a_gap_in_the_seats_only() {
        Instant hour = Instant.parse("2026-12-06T11:00:00Z");
        OverviewModel model = OverviewModel.of(FRAME, new HourlyStatsPage(hour, NOW,
                List.of(new HourlyStats(hour, 4, 1, 0, null))), new RecorderVersions(0, List.of()));

        assertThat(model.seatsUsed().empty()).isTrue();
        assertThat(model.seatsUsedNow()).isEqualTo("—");
        assertThat(model.checkIns().segments()).hasSize(1);
    }

    @Test
    void a_few_versions_get_a_bar_each() {
        List<RecorderVersionCount> versions = List.of(new RecorderVersionCount("V 1.2 (0345)", 3),
                new RecorderVersionCount("V 0.0 (0000)", 1));

        assertThat(OverviewModel.versionBars(versions)).containsExactly(new BarChart.Datum("V 1.2 (0345)", 3),
                new BarChart.Datum("V 0.0 (0000)", 1));
    }

    @Test
    void many_versions_fold_the_oldest_into_one_bar_and_keep_never_ran_apart() {
        List<RecorderVersionCount> versions = new ArrayList<>();
        for (int minor = 30; minor > 0; minor--) {
            versions.add(new RecorderVersionCount(String.format("V 1.%d (0001)", minor), 10));
        }
        versions.add(new RecorderVersionCount("V 0.0 (0000)", 7));

        List<BarChart.Datum> bars = OverviewModel.versionBars(versions);

        assertThat(bars).hasSize(OverviewModel.VERSION_BARS);
        assertThat(bars.get(0)).isEqualTo(new BarChart.Datum("V 1.30 (0001)", 10));
        assertThat(bars.get(10)).isEqualTo(new BarChart.Datum("20 older versions", 200));
        assertThat(bars.get(11)).isEqualTo(new BarChart.Datum("V 0.0 (0000)", 7));
        assertThat(bars.stream().mapToLong(BarChart.Datum::value).sum()).isEqualTo(307);
    }
}
