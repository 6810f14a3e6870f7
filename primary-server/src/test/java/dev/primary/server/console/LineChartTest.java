package dev.primary.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LineChartTest {
    private static final double WIDTH = 700;
    private static final double HEIGHT = 100;

    @Test
    void no_data_draws_no_line_on_an_axis_of_one() {
        LineChart chart = LineChart.of(List.of(), WIDTH, HEIGHT);

        assertThat(chart.empty()).isTrue();
        assertThat(chart.segments()).isEmpty();
        assertThat(chart.top()).isEqualTo(1);
    }

    @Test
    void slots_without_any_value_draw_no_line_either() {
        LineChart chart = LineChart.of(List.of(OptionalLong.empty(), OptionalLong.empty()), WIDTH, HEIGHT);

        assertThat(chart.empty()).isTrue();
    }

    @Test
    void one_point_is_a_dot_in_the_middle_at_its_height_under_the_rounded_top() {
        LineChart chart = LineChart.of(List.of(OptionalLong.of(7)), WIDTH, HEIGHT);

        assertThat(chart.top()).isEqualTo(10);
        assertThat(chart.segments()).singleElement().satisfies(segment -> {
            assertThat(segment.single()).isTrue();
            assertThat(segment.first()).isEqualTo(new LineChart.Point(0, 7, 350, 30));
        });
    }

    @Test
    void the_largest_value_touches_the_top_when_it_is_round_and_zero_lies_on_the_axis() {
        LineChart chart = LineChart.of(List.of(OptionalLong.of(0), OptionalLong.of(50), OptionalLong.of(20)), WIDTH,
                HEIGHT);

        assertThat(chart.top()).isEqualTo(50);
        assertThat(chart.segments().get(0).points()).extracting(LineChart.Point::x, LineChart.Point::y)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0.0, 100.0),
                        org.assertj.core.groups.Tuple.tuple(350.0, 0.0), org.assertj.core.groups.Tuple.tuple(700.0, 60.0));
        assertThat(chart.segments().get(0).polyline()).isEqualTo("0,100 350,0 700,60");
    }

    @Test
    void the_top_is_the_largest_value_rounded_up_to_one_two_or_five_times_a_power_of_ten() {
        assertThat(LongStream.of(0, 1, 2, 3, 6, 11, 99, 101, 250, 900_001).map(ChartScale::niceTop).toArray())
                .containsExactly(1L, 1L, 2L, 5L, 10L, 20L, 100L, 200L, 500L, 1_000_000L);
    }

    @Test
    void all_zero_values_lie_on_the_axis() {
        LineChart chart = LineChart.of(List.of(OptionalLong.of(0), OptionalLong.of(0)), WIDTH, HEIGHT);

        assertThat(chart.segments().get(0).points()).allSatisfy(point -> assertThat(point.y()).isEqualTo(HEIGHT));
    }

    @Test
    void many_points_span_the_width_in_equal_steps_and_a_missing_hour_breaks_the_line() {
        List<OptionalLong> week = new ArrayList<>();
        for (int hour = 0; hour < 168; hour++) {
            week.add(hour == 100 ? OptionalLong.empty() : OptionalLong.of(hour * 3L));
        }

        LineChart chart = LineChart.of(week, WIDTH, HEIGHT);

        assertThat(chart.top()).isEqualTo(1000);
        assertThat(chart.segments()).hasSize(2);
        assertThat(chart.segments().get(0).points()).hasSize(100);
        assertThat(chart.segments().get(1).points()).hasSize(67);
        LineChart.Point first = chart.segments().get(0).first();
        List<LineChart.Point> after = chart.segments().get(1).points();
        LineChart.Point last = after.get(after.size() - 1);
        assertThat(first.x()).isZero();
        assertThat(last.x()).isEqualTo(WIDTH);
        assertThat(last.slot()).isEqualTo(167);
        assertThat(last.y()).isEqualTo(HEIGHT - HEIGHT * 501 / 1000, org.assertj.core.data.Offset.offset(0.05));
        assertThat(after.get(0).x()).as("slot 101 of 167 steps").isEqualTo(
                Math.round(WIDTH * 101 / 167 * 10) / 10.0);
        for (LineChart.Segment segment : chart.segments()) {
            for (int i = 1; i < segment.points().size(); i++) {
                assertThat(segment.points().get(i).x()).isGreaterThan(segment.points().get(i - 1).x());
                assertThat(segment.points().get(i).y()).isLessThanOrEqualTo(segment.points().get(i - 1).y());
            }
        }
    }

    @Test
    void a_negative_value_or_an_empty_box_is_refused() {
        assertThatThrownBy(() -> LineChart.of(List.of(OptionalLong.of(-1)), WIDTH, HEIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> LineChart.of(List.of(), 0, HEIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive width");
    }
}
