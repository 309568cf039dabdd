package defernorm.testbench.report;

import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.sweep.SystemFindings;
import defernorm.testbench.sweep.SystemRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * The system section's plots (XChart, drawn as SVG data URIs by {@link Svg} like {@link Charts}): latency against T for one op and
 * topology, one line per variant and H; and standard's share of latency in the collective against T, with
 * the paper's ~20 % marked. Color says the variant (or H), the dash pattern says H (or the topology).
 */
final class SystemCharts {
    private static final Color[] COLORS = {new Color(0xC44E52), new Color(0x4C72B0), new Color(0x55A868), new Color(0x8172B2)};
    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private SystemCharts() {}

    /** Latency (log scale) against T (log scale) for one op and topology: a line per variant and H. */
    static String latencyVsTiles(List<SystemRow> rows, Op op, Topology topology) {
        XYChart chart = chart(name(op) + ", " + topology.cliName() + ": latency vs T", "latency (cycles, log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        List<Integer> hops = rows.stream().map(SystemRow::hopLatency).distinct().sorted().toList();
        for (int vi = 0; vi < Variant.values().length; vi++) {
            Variant v = Variant.values()[vi];
            for (int hi = 0; hi < hops.size(); hi++) {
                int h = hops.get(hi);
                List<SystemRow> line = rows.stream().filter(r -> r.op() == op && r.topology() == topology && r.hopLatency() == h).toList();
                add(chart, name(v) + " H=" + h, line, r -> r.latency(v), COLORS[vi % COLORS.length], DASHES[hi % DASHES.length]);
            }
        }
        return Svg.dataUri(chart);
    }

    /** Standard's share of latency in the statistics collective against T, a line per topology and H, the paper's share marked. */
    static String collectiveShare(List<SystemRow> rows, Op op) {
        XYChart chart = chart(name(op) + ": share of standard's latency in the collective", "share of latency (%)");
        chart.addAnnotation(new AnnotationLine(100 * SystemFindings.PAPER_SHARE, false, false));
        double maxT = log2(rows.stream().mapToInt(SystemRow::tiles).max().orElse(1));
        chart.addAnnotation(new AnnotationText("paper ~20 %", maxT, 100 * SystemFindings.PAPER_SHARE + 2, false));
        List<Integer> hops = rows.stream().map(SystemRow::hopLatency).distinct().sorted().toList();
        List<Topology> topologies = rows.stream().map(SystemRow::topology).distinct().sorted().toList();
        for (int hi = 0; hi < hops.size(); hi++) {
            int h = hops.get(hi);
            for (int ti = 0; ti < topologies.size(); ti++) {
                Topology t = topologies.get(ti);
                List<SystemRow> line = rows.stream().filter(r -> r.op() == op && r.topology() == t && r.hopLatency() == h).toList();
                add(chart, t.cliName() + " H=" + h, line, r -> 100 * r.collectiveShare(), COLORS[hi % COLORS.length], DASHES[ti % DASHES.length]);
            }
        }
        return Svg.dataUri(chart);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("T (tiles, log scale)").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // x is log2 T on a linear axis, labelled with T at whole powers of two (XChart's log axis labels decades only)
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> Math.abs(x - Math.rint(x)) < 1e-9 && x >= 0
                ? Long.toString(1L << Math.round(x)) : "");
        chart.getStyler().setXAxisTickMarkSpacingHint(40);
        return chart;
    }

    /** One line through the rows' points (sorted by T), skipping points without a value. */
    private static void add(XYChart chart, String name, List<SystemRow> rows, ToDoubleFunction<SystemRow> y, Color color, float[] dash) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (SystemRow r : rows.stream().sorted(Comparator.comparingInt(SystemRow::tiles)).toList()) {
            double v = y.applyAsDouble(r);
            if (!Double.isFinite(v) || v < 0) continue;
            xs.add(log2(r.tiles()));
            ys.add(v);
        }
        if (xs.isEmpty()) return;
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineStyle(dash == null ? new BasicStroke(1.6f)
                : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    private static double log2(int t) {
        return Math.log(t) / Math.log(2);
    }


    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
