package defernorm.testbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's plots, drawn with XChart and returned as base64 PNG for embedding in HTML. */
final class Charts {
    private Charts() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Latency against {@code axis} (n or C), one measured and one predicted series per variant, with a
     * vertical line at {@code markAt} labelled {@code markLabel} (e.g. H on the C axis), or none when null.
     */
    static String latency(List<SweepPoint> points, String axisName, ToIntFunction<SweepPoint> axis, String title,
                          Double markAt, String markLabel) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title)
                .xAxisTitle(axisName).yAxisTitle("latency (cycles)").build();
        if (markAt != null) {
            double top = points.stream().mapToLong(p -> Math.max(p.measured(), p.predicted())).max().orElse(0);
            chart.addAnnotation(new AnnotationLine(markAt, true, false));
            chart.addAnnotation(new AnnotationText(markLabel, markAt, top, false));
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
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
            s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                    10f, new float[] {6f, 4f}, 0f));
        }
    }

    /** One color per Gantt phase, in {@link GanttBar.Phase} order. */
    private static final Color[] PHASE_COLORS = {new Color(0x4C72B0), new Color(0x55A868), new Color(0xC44E52),
            new Color(0x8172B2), new Color(0xCCB974), new Color(0x64B5CD)};

    /**
     * The per-token timeline of one variant: for each token, one lane per phase (top to bottom in
     * {@link GanttBar.Phase} order), a bar from its first to its last edge; x in stream cycles.
     */
    static String gantt(String title, List<GanttBar> bars, long xMax) {
        int tokens = bars.stream().mapToInt(GanttBar::token).max().orElse(0) + 1;
        XYChart chart = new XYChartBuilder().width(860).height(330).title(title)
                .xAxisTitle("stream cycle (edge 0 = first input handshake)")
                .yAxisTitle("token " + String.join(", ", IntStream.range(0, tokens).mapToObj(Integer::toString).toList()) + " (top to bottom)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) xMax);
        // token t sits at y = -t so token 0 is on top; the axis title names the rows (XChart labels only its own ticks)
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setYAxisMin(-tokens + 0.5).setYAxisMax(0.5);
        int phases = GanttBar.Phase.values().length;
        Set<GanttBar.Phase> inLegend = EnumSet.noneOf(GanttBar.Phase.class);
        for (int i = 0; i < bars.size(); i++) {
            GanttBar b = bars.get(i);
            double y = -b.token() + 0.4 - 0.8 * b.phase().ordinal() / (phases - 1);
            // series names must be unique: the first bar of a phase carries its label into the legend
            boolean first = inLegend.add(b.phase());
            XYSeries s = chart.addSeries(first ? b.phase().label() : "bar " + i, new double[] {b.from(), b.to()}, new double[] {y, y});
            s.setShowInLegend(first);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(PHASE_COLORS[b.phase().ordinal()]);
            s.setLineStyle(new BasicStroke(7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        return png(chart);
    }

    /** Histograms (as step lines) of absolute errors, one series per named sample set. */
    static String errorHistogram(String title, Map<String, double[]> samples) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title)
                .xAxisTitle("|output - float64 reference|").yAxisTitle("output lanes").build();
        chart.getStyler().setXAxisDecimalPattern("0.####");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
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
