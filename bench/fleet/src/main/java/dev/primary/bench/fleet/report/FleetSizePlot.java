package dev.primary.bench.fleet.report;

import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.harness.ScenarioResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG of throughput and latency against fleet size, from results of one scenario and variant measured at
 * several fleet sizes: operations per second on the left axis, p50 and p99 latency on the right, fleet size on a
 * logarithmic axis.
 */
public final class FleetSizePlot {
    private FleetSizePlot() {}

    /**
     * Draws the results of {@code scenario} (and {@code variant}, if not null) into {@code png}.
     *
     * @throws IllegalArgumentException when fewer than two fleet sizes are among the results
     */
    public static Path draw(List<ScenarioResult> results, String scenario, String variant, Path png) {
        List<ScenarioResult> points = results.stream()
                .filter(result -> result.scenario().equals(scenario))
                .filter(result -> variant == null || variant.equals(result.notes().get(ResultBuilder.VARIANT)))
                .filter(result -> result.fleetSize() > 0)
                .sorted(Comparator.comparingInt(ScenarioResult::fleetSize))
                .toList();
        if (points.stream().map(ScenarioResult::fleetSize).distinct().count() < 2) {
            throw new IllegalArgumentException("a plot against fleet size needs results of " + scenario
                    + (variant == null ? "" : "/" + variant) + " at two fleet sizes at least, found "
                    + points.size() + " result(s)");
        }
        JFreeChart chart = chart(points, scenario + (variant == null ? "" : " (" + variant + ")"));
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
        return png;
    }

    private static JFreeChart chart(List<ScenarioResult> points, String title) {
        XYSeries throughput = new XYSeries("operations per second");
        XYSeries p50 = new XYSeries("p50 latency (ms)");
        XYSeries p99 = new XYSeries("p99 latency (ms)");
        for (ScenarioResult point : points) {
            throughput.add(point.fleetSize(), point.perSecond());
            p50.add(point.fleetSize(), point.latencyMillis().p50());
            p99.add(point.fleetSize(), point.latencyMillis().p99());
        }
        LogarithmicAxis fleet = new LogarithmicAxis("fleet size (clients)");
        fleet.setAllowNegativesFlag(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(throughput), fleet, new NumberAxis("operations per second"),
                renderer(new Color(0x1f, 0x5f, 0xa8)));
        XYSeriesCollection latency = new XYSeriesCollection(p50);
        latency.addSeries(p99);
        plot.setDataset(1, latency);
        plot.setRangeAxis(1, new NumberAxis("latency (ms)"));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer latencyRenderer = renderer(new Color(0xd0, 0x80, 0x20));
        latencyRenderer.setSeriesPaint(1, new Color(0xb0, 0x30, 0x30));
        plot.setRenderer(1, latencyRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        return renderer;
    }
}
