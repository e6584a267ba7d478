package io.sessiongrid.simulate;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.chart.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PNG of one simulation: demand, the forecast band (the 95 % interval of the one-step forecast made a step
 * earlier) and the ready capacity of each policy, over the last {@value #DAYS} days of the trace. Headless.
 */
public final class SimulationChart {
    static final int DAYS = 3;

    private SimulationChart() {
    }

    /** Writes {@code <dir>/simulate-<trace>.png} and returns its path. */
    public static Path write(Simulator.Comparison c, Path dir) {
        double[] y = c.trace().values();
        double stepHours = c.trace().stepSeconds() / 3600;
        int from = Math.max(0, y.length - (int) Math.round(DAYS * 24 / stepHours));

        XYSeries demand = new XYSeries("demand");
        XYSeries upper = new XYSeries("forecast upper (95 %)");
        XYSeries lower = new XYSeries("forecast lower (95 %)");
        for (int k = from; k < y.length; k++) {
            double h = (k - from) * stepHours;
            demand.add(h, y[k]);
            ClusterForecast f = c.forecasts() == null || k == 0 ? null : c.forecasts().at(k - 1);
            if (f != null) {
                upper.add(h, Math.max(0, f.upper()[0]));
                lower.add(h, Math.max(0, f.lower()[0]));
            }
        }
        XYSeriesCollection band = new XYSeriesCollection();
        band.addSeries(upper);
        band.addSeries(lower);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(demand);
        for (SimulationResult r : c.results()) {
            XYSeries s = new XYSeries(r.policy() + " ready capacity");
            double[] cap = r.readyCapacity();
            for (int k = from; k < y.length; k++) {
                s.add((k - from) * stepHours, cap[k]);
            }
            lines.addSeries(s);
        }

        XYPlot plot = Charts.plot("hours (last " + DAYS + " days of the trace)", "demand / capacity");
        XYStepRenderer steps = new XYStepRenderer();
        Color[] colors = {Charts.BLACK, Charts.BLUE, Charts.ORANGE};
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            steps.setSeriesPaint(i, colors[i % colors.length]);
            steps.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.0f : 1.6f));
        }
        plot.setDataset(0, lines);
        plot.setRenderer(0, steps);
        XYDifferenceRenderer diff = new XYDifferenceRenderer(Charts.BAND_FILL, Charts.BAND_FILL, false);
        diff.setSeriesPaint(0, Charts.BAND_EDGE);
        diff.setSeriesPaint(1, Charts.BAND_EDGE);
        plot.setDataset(1, band);
        plot.setRenderer(1, diff);
        JFreeChart chart = Charts.chart(c.trace().name() + ": predictive vs reactive (HPA)", plot);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("simulate-" + c.trace().name().replaceFirst("\\.csv$", "") + ".png");
            Files.write(file, Charts.png(chart, 1400, 600));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + dir, e);
        }
    }
}
