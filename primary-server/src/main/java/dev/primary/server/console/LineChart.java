package dev.primary.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The geometry of a line over equally spaced slots (the hours of a range) in a {@code width} × {@code height} box, as
 * SVG draws it: x from the left, y from the top. The first slot is at x 0, the last at {@code width} (a single slot in
 * the middle); value 0 is at y {@code height}, {@link #top()} at y 0. A slot without a value breaks the line, so a
 * gap in the data shows as a gap.
 *
 * @param top the value at the top of the box: the largest value rounded up to 1, 2 or 5 times a power of ten
 * @param segments the unbroken runs of slots with a value, left to right
 */
public record LineChart(double width, double height, long top, List<Segment> segments) {
    public LineChart {
        segments = List.copyOf(segments);
    }

    /** One slot's value and where it is drawn. */
    public record Point(int slot, long value, double x, double y) {
    }

    /** Consecutive slots with a value: a polyline, or a dot when it is one slot alone. */
    public record Segment(List<Point> points) {
        public Segment {
            points = List.copyOf(points);
        }

        /** The points as SVG's {@code points} attribute: {@code "0,120 4.2,87.5"}. */
        public String polyline() {
            return points.stream().map(point -> String.format(Locale.ROOT, "%s,%s", number(point.x()),
                    number(point.y()))).collect(Collectors.joining(" "));
        }

        public boolean single() {
            return points.size() == 1;
        }

        public Point first() {
            return points.get(0);
        }
    }

    /**
     * The chart of {@code values}, one per slot; an empty value is a slot without data.
     *
     * @throws IllegalArgumentException when the box is not positive or a value is negative
     */
    public static LineChart of(List<OptionalLong> values, double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a chart needs a positive width and height, got " + width + " × " + height);
        }
        long max = 0;
        for (OptionalLong value : values) {
            if (value.isPresent()) {
                if (value.getAsLong() < 0) {
                    throw new IllegalArgumentException("a line chart shows no negative values, got " + value.getAsLong());
                }
                max = Math.max(max, value.getAsLong());
            }
        }
        long top = ChartScale.niceTop(max);
        int slots = values.size();
        List<Segment> segments = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            OptionalLong value = values.get(slot);
            if (value.isEmpty()) {
                close(run, segments);
                continue;
            }
            double x = slots == 1 ? width / 2 : width * slot / (slots - 1);
            double y = height - height * value.getAsLong() / top;
            run.add(new Point(slot, value.getAsLong(), ChartScale.tenth(x), ChartScale.tenth(y)));
        }
        close(run, segments);
        return new LineChart(width, height, top, segments);
    }

    /** Whether no slot has a value. */
    public boolean empty() {
        return segments.isEmpty();
    }

    private static void close(List<Point> run, List<Segment> segments) {
        if (!run.isEmpty()) {
            segments.add(new Segment(run));
            run.clear();
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
