package defernorm.testbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results table, narrow enough for a 900 px screen: the shape every top shares goes in the caption,
 * headers are short (full meaning on hover), failures and missing cell counts are listed below the table
 * with the reason instead of widening it.
 */
final class ResultsTable implements ReportSection {
    /** What the cell and flip-flop counts are: word-level, since full gate mapping takes minutes per top. */
    static final String SYNTH_NOTE = "Cells and FFs: Yosys <code>synth -flatten -run begin:fine</code> (stops before gate mapping: "
            + "word-level cells such as <code>$alu</code>, <code>$macc</code>, <code>$mux</code>; flip-flops in bits; "
            + "memories counted as <code>$mem</code> cells, not flip-flops; a sign extension, written as a xor and a subtract "
            + "for Verilator's sake, counts as two cells here although gate mapping folds it into wiring).";

    private static final String[][] HEADER = {
            {"top", "op / variant"}, {"latency", "measured cycles from a token's first input handshake to its last output handshake"},
            {"pred.", "the golden schedule's latency"}, {"cyc/tok", "measured steady-state cycles per token"},
            {"mism.", "output beats that differ, are missing or extra, over all three runs"},
            {"abs err", "largest |dequantized output - float64 reference|"}, {"rel err", "abs err / largest |reference| of the token"},
            {"cells", "Yosys cells (word level)"}, {"FFs", "flip-flop bits"}, {"result", ""}};

    @Override public Optional<String> render(RunReport r) {
        List<ReportRow> rows = r.rows();
        if (rows.isEmpty()) return Optional.empty();
        StringBuilder h = new StringBuilder("<h2>Results</h2>\n");
        h.append("<table>\n<caption class=\"note\">").append(Html.esc(shapes(rows))).append("</caption>\n<tr>");
        for (int i = 0; i < HEADER.length; i++) {
            String cls = i == 0 || i == HEADER.length - 1 ? " class=\"l\"" : "";
            h.append("<th").append(cls).append(">").append(HEADER[i][1].isEmpty() ? HEADER[i][0]
                    : "<abbr title=\"" + Html.esc(HEADER[i][1]) + "\">" + HEADER[i][0] + "</abbr>").append("</th>");
        }
        h.append("</tr>\n");
        List<String> failures = new ArrayList<>();
        Map<String, List<String>> missingCounts = new LinkedHashMap<>();
        for (ReportRow row : rows) {
            h.append("<tr><td class=\"l\">").append(Html.esc(row.label())).append("</td>");
            for (long v : new long[] {row.latency(), row.predictedLatency()}) h.append(cell(v < 0 ? "-" : Long.toString(v)));
            h.append(cell(Html.num("%.1f", row.cyclesPerToken()))).append(cell(Integer.toString(row.mismatches())))
                    .append(cell(Html.num("%.3g", row.maxAbsError()))).append(cell(Html.num("%.3g", row.maxRelError())));
            if (row.cells() < 0) {
                missingCounts.computeIfAbsent(row.synthNote().isEmpty() ? "not counted" : row.synthNote(), k -> new ArrayList<>()).add(row.label());
                h.append("<td title=\"").append(Html.esc(row.synthNote())).append("\">-*</td><td>-*</td>");
            } else {
                h.append(cell(Long.toString(row.cells()))).append(cell(Long.toString(row.flipFlops())));
            }
            if (row.passed()) {
                h.append("<td class=\"l pass\">PASS</td>");
            } else {
                failures.add(row.label() + ": " + row.firstMismatch());
                h.append("<td class=\"l fail\">FAIL<sup>").append(failures.size()).append("</sup></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (!failures.isEmpty()) {
            h.append("<ol class=\"fail\">\n");
            for (String f : failures) h.append("<li>").append(Html.esc(f)).append("</li>\n");
            h.append("</ol>\n");
        }
        for (var e : missingCounts.entrySet()) {
            String which = e.getValue().size() == rows.size() ? "any top" : String.join(", ", e.getValue());
            h.append("<p class=\"note\">* No cell or flip-flop count for ").append(Html.esc(which))
                    .append(": ").append(Html.esc(e.getKey())).append(".</p>\n");
        }
        if (rows.stream().anyMatch(row -> row.cells() >= 0)) h.append("<p class=\"note\">").append(SYNTH_NOTE).append("</p>\n");
        return Optional.of(h.toString());
    }

    private static String cell(String text) { return "<td>" + text + "</td>"; }

    /** "All tops at n=64, m=32, P=8, Q=4, C=4 with 311 tokens each." or the list of distinct shapes. */
    private static String shapes(List<ReportRow> rows) {
        List<String> distinct = rows.stream().map(r -> "n=" + r.n() + ", m=" + r.m() + ", P=" + r.p() + ", Q=" + r.q() + ", C=" + r.c()
                + " with " + r.tokens() + " tokens").distinct().toList();
        return distinct.size() == 1 ? "All tops at " + distinct.get(0) + " each." : "Shapes: " + String.join("; ", distinct) + ".";
    }
}
