package defernorm.testbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart as SVG ({@link Svg}). Legends sit outside the plot area so they never
 * cover data.
 */
final class Charts {
    private Charts() {}

    /** Plot width: with the legend beside it, it fits the page at 900 px (images scale down below that). */
    private static final int WIDTH = 820;

    /** Measured and predicted colours per variant: a light and a dark shade of three well-separated hues. */
    private record Style(Color measured, Color predicted) {}

    private static final Map<String, Style> VARIANT_STYLES = Map.of(
            "standard", new Style(new Color(0x56B4E9), new Color(0x003F7F)),
            "deferred", new Style(new Color(0xE69F00), new Color(0x8B2500)),
            "matmul", new Style(new Color(0x6CCB9B), new Color(0x00573A)));
    private static final Style OTHER = new Style(new Color(0xAAAAAA), Color.BLACK);

    /**
     * Latency against {@code axis} (n or C) per variant: measured as large light circles on a solid line,
     * the golden prediction drawn above them as small dark crosses on a dashed line (a cross inside a circle
     * means they agree); a vertical line at {@code markAt} labelled {@code markLabel}, or none when null.
     */
    static String latency(List<SweepPoint> points, String axisName, ToIntFunction<SweepPoint> axis, String title,
                          Double markAt, String markLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(380).title(title)
                .xAxisTitle(axisName).yAxisTitle("latency (cycles)").build();
        outsideLegend(chart);
        chart.getStyler().setMarkerSize(11);
        if (markAt != null) {
            double top = points.stream().mapToLong(p -> Math.max(p.measured(), p.predicted())).max().orElse(0);
            chart.addAnnotation(new AnnotationLine(markAt, true, false));
            chart.addAnnotation(new AnnotationText(markLabel, markAt, top, false));
        }
        Map<String, List<SweepPoint>> byVariant = new TreeMap<>();
        for (SweepPoint p : points) byVariant.computeIfAbsent(p.variant(), k -> new ArrayList<>()).add(p);
        // all measured series first: XChart paints in insertion order, so every prediction lies on top
        for (boolean measured : new boolean[] {true, false}) {
            for (var e : byVariant.entrySet()) {
                List<SweepPoint> ps = new ArrayList<>(e.getValue());
                ps.sort((a, b) -> Integer.compare(axis.applyAsInt(a), axis.applyAsInt(b)));
                addSeries(chart, e.getKey(), ps, axis, measured);
            }
        }
        return Svg.dataUri(chart);
    }

    private static void addSeries(XYChart chart, String variant, List<SweepPoint> ps, ToIntFunction<SweepPoint> axis, boolean measured) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (SweepPoint p : ps) {
            long v = measured ? p.measured() : p.predicted();
            if (v < 0) continue;
            x.add((double) axis.applyAsInt(p));
            y.add((double) v);
        }
        if (x.isEmpty()) return;
        Style style = VARIANT_STYLES.getOrDefault(variant, OTHER);
        XYSeries s = chart.addSeries(variant + (measured ? " measured" : " predicted"), x, y);
        s.setLineColor(measured ? style.measured() : style.predicted());
        s.setMarkerColor(measured ? style.measured() : style.predicted());
        s.setMarker(measured ? SeriesMarkers.CIRCLE : SeriesMarkers.CROSS);
        s.setLineStyle(measured ? new BasicStroke(3f)
                : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
    }

    /** One color per Gantt phase, in {@link GanttBar.Phase} order. */
    private static final Color[] PHASE_COLORS = {new Color(0x0072B2), new Color(0x009E73), new Color(0xD55E00),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    /**
     * The per-token timeline of one variant: for each token, one lane per phase (top to bottom in
     * {@link GanttBar.Phase} order), a bar from its first to its last edge; x in stream cycles.
     */
    static String gantt(String title, List<GanttBar> bars, long xMax) {
        int tokens = bars.stream().mapToInt(GanttBar::token).max().orElse(0) + 1;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(330).title(title)
                .xAxisTitle("stream cycle (edge 0 = first input handshake)")
                .yAxisTitle("token " + String.join(", ", IntStream.range(0, tokens).mapToObj(Integer::toString).toList()) + " (top to bottom)")
                .build();
        outsideLegend(chart);
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
        return Svg.dataUri(chart);
    }

    /**
     * Histogram outlines of absolute errors, one series per named sample set, over {@code bins}: every
     * histogram of a report gets the same bins, so the x axes match; y is the share of the set's output lanes
     * (sets of different sizes compare), up to {@code yMaxPercent}, shared too: the y labels then keep one
     * width, so XChart ticks every x axis alike.
     */
    static String errorHistogram(String title, Map<String, double[]> samples, Bins bins, double yMaxPercent) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(300).title(title)
                .xAxisTitle("|output - float64 reference|").yAxisTitle("share of output lanes (%)").build();
        outsideLegend(chart);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(bins.max()).setYAxisMin(0.0).setYAxisMax(yMaxPercent);
        chart.getStyler().setXAxisDecimalPattern(decimalPattern(bins.width())).setYAxisDecimalPattern("0");
        for (var e : samples.entrySet()) {
            if (e.getValue().length == 0) continue;
            double[] counts = bins.counts(e.getValue());
            for (int b = 0; b < counts.length; b++) counts[b] *= 100.0 / e.getValue().length;
            // the outline of the bars: up and across each bin, closed to 0 at both ends
            double[] x = new double[2 * bins.count() + 2];
            double[] y = new double[x.length];
            for (int b = 0; b < bins.count(); b++) {
                x[2 * b + 1] = bins.edge(b);
                x[2 * b + 2] = bins.edge(b + 1);
                y[2 * b + 1] = counts[b];
                y[2 * b + 2] = counts[b];
            }
            x[x.length - 1] = bins.max();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(VARIANT_STYLES.getOrDefault(e.getKey(), OTHER).predicted());
            s.setLineStyle(new BasicStroke(2f));
        }
        return Svg.dataUri(chart);
    }

    /** Enough decimals to write every bin edge (a multiple of the round bin width) exactly, in plain notation. */
    static String decimalPattern(double binWidth) {
        int decimals = Math.max(0, BigDecimal.valueOf(binWidth).stripTrailingZeros().scale());
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
    }

    private static void outsideLegend(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
    }
}
