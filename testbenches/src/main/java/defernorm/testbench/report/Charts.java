package defernorm.testbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's plots, drawn with XChart and returned as base64 PNG for embedding in HTML. */
final class Charts {
    private Charts() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Latency against {@code axis} (n or C), one measured and one predicted series per variant. */
    static String latency(List<SweepPoint> points, String axisName, ToIntFunction<SweepPoint> axis, String title) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title)
                .xAxisTitle(axisName).yAxisTitle("latency (cycles)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Map<String, List<SweepPoint>> byVariant = new TreeMap<>();
        for (SweepPoint p : points) byVariant.computeIfAbsent(p.variant(), k -> new ArrayList<>()).add(p);
        for (var e : byVariant.entrySet()) {
            List<SweepPoint> ps = new ArrayList<>(e.getValue());
            ps.sort((a, b) -> Integer.compare(axis.applyAsInt(a), axis.applyAsInt(b)));
            addSeries(chart, e.getKey() + " measured", ps, axis, true);
            addSeries(chart, e.getKey() + " predicted", ps, axis, false);
        }
        return png(chart);
    }

    private static void addSeries(XYChart chart, String name, List<SweepPoint> ps, ToIntFunction<SweepPoint> axis, boolean measured) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (SweepPoint p : ps) {
            long v = measured ? p.measured() : p.predicted();
            if (v < 0) continue;
            x.add((double) axis.applyAsInt(p));
            y.add((double) v);
        }
        if (x.isEmpty()) return;
        XYSeries s = chart.addSeries(name, x, y);
        if (!measured) {
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND,
                    10f, new float[] {6f, 4f}, 0f));
        }
    }

    /** Histograms (as step lines) of absolute errors, one series per named sample set. */
    static String errorHistogram(String title, Map<String, double[]> samples) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title)
                .xAxisTitle("|output - float64 reference|").yAxisTitle("output lanes").build();
        chart.getStyler().setXAxisDecimalPattern("0.####");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        double max = 0;
        for (double[] s : samples.values()) for (double v : s) max = Math.max(max, v);
        if (max == 0) max = 1e-12;
        int bins = 40;
        for (var e : samples.entrySet()) {
            if (e.getValue().length == 0) continue;
            double[] x = new double[bins];
            double[] y = new double[bins];
            for (int b = 0; b < bins; b++) x[b] = (b + 0.5) * max / bins;
            for (double v : e.getValue()) y[Math.min(bins - 1, (int) (v / max * bins))]++;
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    private static String png(XYChart chart) {
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
