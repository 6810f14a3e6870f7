package dev.primary.server.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a horizontal bar chart, one row of {@code rowHeight} per bar, as SVG draws it: every bar starts at x
 * 0, the largest is {@code width} long, the others in proportion; a bar of a value above 0 is never shorter than
 * {@link #MIN_LENGTH}, so that one computer among a million still shows.
 *
 * @param top the largest value (the one drawn {@code width} long); 0 when there is none above 0
 */
public record BarChart(double width, double rowHeight, long top, List<Bar> bars) {
    /** The shortest bar drawn for a value above 0. */
    public static final double MIN_LENGTH = 1;
    /** The gap between two bars, as a share of a row. */
    private static final double GAP = 0.2;

    public BarChart {
        bars = List.copyOf(bars);
    }

    /** A labelled value. */
    public record Datum(String label, long value) {
    }

    /**
     * One bar: its value, its top edge {@code y}, its {@code length} and {@code thickness}, and {@code middle}, the y
     * of its centre line, where its label and value are written.
     */
    public record Bar(String label, long value, double y, double length, double thickness, double middle) {
    }

    /**
     * The chart of {@code data}, in their order, top to bottom.
     *
     * @throws IllegalArgumentException when the width or row height is not positive or a value is negative
     */
    public static BarChart of(List<Datum> data, double width, double rowHeight) {
        if (!(width > 0) || !(rowHeight > 0)) {
            throw new IllegalArgumentException("a chart needs a positive width and row height, got " + width + " and "
                    + rowHeight);
        }
        long top = 0;
        for (Datum datum : data) {
            if (datum.value() < 0) {
                throw new IllegalArgumentException("a bar chart shows no negative values, got " + datum.value()
                        + " for " + datum.label());
            }
            top = Math.max(top, datum.value());
        }
        List<Bar> bars = new ArrayList<>(data.size());
        double thickness = ChartScale.tenth(rowHeight * (1 - GAP));
        for (int row = 0; row < data.size(); row++) {
            Datum datum = data.get(row);
            double length = top == 0 || datum.value() == 0 ? 0
                    : Math.max(MIN_LENGTH, width * datum.value() / top);
            double y = rowHeight * row + rowHeight * GAP / 2;
            bars.add(new Bar(datum.label(), datum.value(), ChartScale.tenth(y), ChartScale.tenth(length), thickness,
                    ChartScale.tenth(rowHeight * row + rowHeight / 2)));
        }
        return new BarChart(width, rowHeight, top, bars);
    }

    /** The height of every row together. */
    public double height() {
        return ChartScale.tenth(rowHeight * bars.size());
    }
}
