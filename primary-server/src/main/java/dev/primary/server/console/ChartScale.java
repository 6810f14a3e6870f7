package dev.primary.server.console;

/** The top of a chart's value axis: the largest value rounded up to 1, 2 or 5 times a power of ten. */
final class ChartScale {
    private ChartScale() {}

    /** {@code 1} for nothing to show (zero or less), else the least of 1, 2, 5, 10, 20, 50, … not below {@code max}. */
    static long niceTop(long max) {
        if (max <= 1) {
            return 1;
        }
        long power = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= max) {
                    return step * power;
                }
            }
            if (power > Long.MAX_VALUE / 100) {
                return max;
            }
            power *= 10;
        }
    }

    /** {@code value} rounded to a tenth, which is as fine as an SVG coordinate on a page needs. */
    static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
