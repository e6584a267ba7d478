package io.sessiongrid.chart;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The shared look of SessionGrid's charts and their headless PNG rendering. */
public final class Charts {
    /** Demand, and the first series of a chart. */
    public static final Color BLACK = Color.BLACK;
    /** The predictive side: forecasts, SessionGrid's capacity. */
    public static final Color BLUE = new Color(0, 110, 200);
    /** The baseline side, and second series. */
    public static final Color ORANGE = new Color(220, 80, 0);
    public static final Color GREEN = new Color(0, 140, 60);
    public static final Color PURPLE = new Color(120, 60, 170);
    /** The fill of a forecast band. */
    public static final Color BAND_FILL = new Color(0, 110, 200, 50);
    /** The edges of a forecast band. */
    public static final Color BAND_EDGE = new Color(0, 110, 200, 90);

    private Charts() {
    }

    /** An empty XY plot with number axes and the shared background and grid. */
    public static XYPlot plot(String xLabel, String yLabel) {
        headless(); // before JFreeChart touches AWT
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis(xLabel));
        plot.setRangeAxis(new NumberAxis(yLabel));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /** A titled chart with a legend around {@code plot}. */
    public static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The chart as PNG bytes, drawn without a display. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        headless();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart '" + chart.getTitle().getText() + "'", e);
        }
        return out.toByteArray();
    }

    /** Charts are drawn by commands that may run on a machine without a display. */
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }
}
