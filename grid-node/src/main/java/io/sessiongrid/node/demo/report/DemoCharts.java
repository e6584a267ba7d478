package io.sessiongrid.node.demo.report;

import io.sessiongrid.chart.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The report's three charts as PNG bytes; empty where the run recorded nothing to draw. */
final class DemoCharts {
    static final String SNI_APP = "sessiongrid-members";
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 480;
    private static final String X_LABEL = "seconds since start";
    private static final BasicStroke THIN = new BasicStroke(1.0f);
    private static final BasicStroke THICK = new BasicStroke(1.8f);
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);

    private DemoCharts() {
    }

    /** Offered and measured demand, the forecast band and its mean, ready capacity, scale decisions marked. */
    static Optional<byte[]> demand(DemoRun run) {
        if (run.samples().isEmpty() && run.band().isEmpty()) {
            return Optional.empty();
        }
        XYPlot plot = Charts.plot(X_LABEL, "demand (requests/s)");
        plot.getRangeAxis().setUpperMargin(0.12); // room for the scale markers' labels above the capacity line
        add(plot, 0, collection(series(run, "offered demand", DemoSample::offeredDemand),
                series(run, "measured demand", DemoSample::measuredDemand)), lines(Charts.BLACK, Charts.GREEN));
        add(plot, 1, collection(series(run, "ready capacity", DemoSample::readyCapacity)), steps(Charts.ORANGE));

        if (!run.band().isEmpty()) {
            YIntervalSeries forecast = new YIntervalSeries("forecast mean (band: lower..upper)");
            for (BandPoint p : run.band()) {
                if (Double.isFinite(p.mean()) && Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
                    forecast.add(seconds(run, p.at()), p.mean(), p.lower(), p.upper());
                }
            }
            YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
            bandData.addSeries(forecast);
            DeviationRenderer band = new DeviationRenderer(true, false);
            band.setSeriesPaint(0, Charts.BLUE);
            band.setSeriesStroke(0, THIN);
            band.setSeriesFillPaint(0, Charts.BAND_EDGE);
            band.setAlpha(0.35f);
            add(plot, 2, bandData, band); // the highest index is drawn first: the band stays behind the lines
        }

        for (DemoEvent e : run.events()) {
            switch (e.kind()) {
                case SCALE_OUT -> plot.addDomainMarker(marker(seconds(run, e.at()), "scale out", Charts.GREEN));
                case SCALE_IN -> plot.addDomainMarker(marker(seconds(run, e.at()), "scale in", Charts.PURPLE));
                default -> { }
            }
        }
        return Optional.of(Charts.png(Charts.chart("Demand, forecast and ready capacity", plot), WIDTH, HEIGHT));
    }

    /** Ready and pending servers (left axis) and cumulative migrations (right axis); the replay saving below. */
    static Optional<byte[]> servers(DemoRun run) {
        if (run.samples().isEmpty()) {
            return Optional.empty();
        }
        XYPlot plot = countPlot("servers");
        add(plot, 0, collection(series(run, "ready servers", s -> s.readyServers()),
                series(run, "pending servers", s -> s.pendingServers())), steps(Charts.BLUE, Charts.ORANGE));

        NumberAxis migrationAxis = new NumberAxis("migrations (cumulative)");
        migrationAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(1, migrationAxis);
        add(plot, 1, collection(series(run, "migrations (cumulative)", s -> s.migrations())), lines(Charts.GREEN));
        plot.mapDatasetToRangeAxis(1, 1);

        JFreeChart chart = Charts.chart("Servers and migrations", plot);
        chart.addSubtitle(new TextTitle(ReportText.replaySaving(run.summary())));
        return Optional.of(Charts.png(chart, WIDTH, HEIGHT));
    }

    /** SNI identifiers leased and reserved in the members' pool. */
    static Optional<byte[]> sni(DemoRun run) {
        if (run.samples().isEmpty()) {
            return Optional.empty();
        }
        XYPlot plot = countPlot("SNI identifiers");
        add(plot, 0, collection(series(run, "leased", s -> s.sniLeased()),
                series(run, "reserved (for servers not running yet)", s -> s.sniReserved())),
                steps(Charts.BLUE, Charts.ORANGE));
        return Optional.of(Charts.png(Charts.chart("SNI pool of app '" + SNI_APP + "'", plot), WIDTH, HEIGHT));
    }

    static double seconds(DemoRun run, Instant at) {
        return Duration.between(run.start(), at).toMillis() / 1000.0;
    }

    private static XYSeries series(DemoRun run, String name, ToDoubleFunction<DemoSample> value) {
        XYSeries s = new XYSeries(name);
        for (DemoSample sample : run.samples()) {
            s.add(seconds(run, sample.at()), value.applyAsDouble(sample));
        }
        return s;
    }

    /** A plot of things counted: whole-number ticks on its axis. */
    private static XYPlot countPlot(String yLabel) {
        XYPlot plot = Charts.plot(X_LABEL, yLabel);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return plot;
    }

    private static XYSeriesCollection collection(XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) {
            c.addSeries(s);
        }
        return c;
    }

    private static void add(XYPlot plot, int index, XYDataset data, XYItemRenderer renderer) {
        plot.setDataset(index, data);
        plot.setRenderer(index, renderer);
    }

    private static XYLineAndShapeRenderer lines(Paint... colors) {
        return style(new XYLineAndShapeRenderer(true, false), colors);
    }

    private static XYStepRenderer steps(Paint... colors) {
        return style(new XYStepRenderer(), colors);
    }

    private static <R extends XYLineAndShapeRenderer> R style(R renderer, Paint... colors) {
        renderer.setDefaultShapesVisible(false); // one point a second: dots would only thicken the line
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(i, i == 0 ? THICK : THIN);
        }
        return renderer;
    }

    private static ValueMarker marker(double x, String label, Color color) {
        ValueMarker m = new ValueMarker(x, color, DASHED);
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(color);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return m;
    }
}
