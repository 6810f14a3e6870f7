package dev.primary.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
    private static final double WIDTH = 400;
    private static final double ROW = 20;

    @Test
    void no_data_draws_no_bar_and_takes_no_height() {
        BarChart chart = BarChart.of(List.of(), WIDTH, ROW);

        assertThat(chart.bars()).isEmpty();
        assertThat(chart.height()).isZero();
        assertThat(chart.top()).isZero();
    }

    @Test
    void one_bar_is_as_long_as_the_chart_is_wide() {
        BarChart chart = BarChart.of(List.of(new BarChart.Datum("V 1.0 (0001)", 3)), WIDTH, ROW);

        assertThat(chart.bars()).singleElement().satisfies(bar -> {
            assertThat(bar.length()).isEqualTo(WIDTH);
            assertThat(bar.y()).isEqualTo(2);
            assertThat(bar.thickness()).isEqualTo(16);
            assertThat(bar.middle()).isEqualTo(10);
        });
        assertThat(chart.height()).isEqualTo(ROW);
    }

    @Test
    void the_largest_value_is_the_full_width_and_the_others_in_proportion_row_under_row() {
        BarChart chart = BarChart.of(List.of(new BarChart.Datum("V 1.2 (0345)", 250),
                new BarChart.Datum("V 1.1 (0200)", 1000), new BarChart.Datum("V 0.0 (0000)", 0)), WIDTH, ROW);

        assertThat(chart.top()).isEqualTo(1000);
        assertThat(chart.bars()).extracting(BarChart.Bar::length).containsExactly(100.0, 400.0, 0.0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(2.0, 22.0, 42.0);
        assertThat(chart.bars()).extracting(BarChart.Bar::label)
                .containsExactly("V 1.2 (0345)", "V 1.1 (0200)", "V 0.0 (0000)");
        assertThat(chart.height()).isEqualTo(60);
    }

    @Test
    void among_many_bars_one_computer_in_a_million_still_shows() {
        List<BarChart.Datum> data = new ArrayList<>();
        data.add(new BarChart.Datum("V 2.0 (0001)", 1));
        for (int i = 0; i < 200; i++) {
            data.add(new BarChart.Datum("V 1." + i + " (0001)", 5_000));
        }
        data.add(new BarChart.Datum("V 0.0 (0000)", 1_000_000));

        BarChart chart = BarChart.of(data, WIDTH, ROW);

        assertThat(chart.bars()).hasSize(202);
        assertThat(chart.bars().get(0).length()).isEqualTo(BarChart.MIN_LENGTH);
        assertThat(chart.bars().get(1).length()).isEqualTo(2.0);
        assertThat(chart.bars().get(201).length()).isEqualTo(WIDTH);
        assertThat(chart.height()).isEqualTo(202 * ROW);
    }

    @Test
    void a_negative_value_or_an_empty_box_is_refused() {
        assertThatThrownBy(() -> BarChart.of(List.of(new BarChart.Datum("x", -1)), WIDTH, ROW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> BarChart.of(List.of(), WIDTH, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
