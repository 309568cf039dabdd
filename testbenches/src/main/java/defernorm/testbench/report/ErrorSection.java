package defernorm.testbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Error histograms, one per op with a series per variant, all over the same round bins from 0 to the
 * largest error of the whole run, so their x axes can be compared directly.
 */
final class ErrorSection implements ReportSection {
    /** About this many bins across the shared range. */
    private static final int BINS = 30;

    @Override public Optional<String> render(RunReport r) {
        Map<String, Map<String, double[]>> byOp = new LinkedHashMap<>();
        double max = 0;
        for (String op : new TreeSet<>(r.rows().stream().map(ReportRow::op).toList())) {
            Map<String, double[]> samples = new LinkedHashMap<>();
            for (ReportRow row : r.rows()) {
                double[] e = r.errors().get(row.top());
                if (!row.op().equals(op) || e == null || e.length == 0) continue;
                samples.put(row.variant(), e);
                for (double v : e) if (Double.isFinite(v)) max = Math.max(max, v);
            }
            if (!samples.isEmpty()) byOp.put(op, samples);
        }
        if (byOp.isEmpty()) return Optional.empty();
        Bins bins = Bins.covering(max, BINS);
        // the tallest bar of any histogram, rounded up to 10 %, tops every y axis
        double tallest = 0;
        for (Map<String, double[]> samples : byOp.values()) {
            for (double[] e : samples.values()) for (double c : bins.counts(e)) tallest = Math.max(tallest, 100 * c / e.length);
        }
        double yMax = Math.min(100, Math.ceil(tallest / 10) * 10);
        StringBuilder h = new StringBuilder("<h2>Error distributions</h2>\n<p>Absolute error of every dequantized output lane against ")
                .append("the float64 reference. Every histogram uses the same bins (width ").append(plain(bins.width()))
                .append(", from 0 to ").append(plain(bins.max())).append("), so the x axes line up. ")
                .append("Matmul-only tops compute no normalization and have no error to show.</p>\n");
        for (var e : byOp.entrySet()) {
            h.append(Html.img(Charts.errorHistogram(e.getKey() + ": |error| vs float64", e.getValue(), bins, yMax), e.getKey() + " error histogram"));
        }
        return Optional.of(h.toString());
    }

    /** A round number as written by hand: 0.005, not 0.00500 or 5.0E-3. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
