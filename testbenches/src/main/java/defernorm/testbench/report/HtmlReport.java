package defernorm.testbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes {@code report.html}: one self-contained page (PNG plots embedded) with the verdict, the table,
 * latency against n and against C for the three variants, and the error distributions.
 *
 * <pre>{@code HtmlReport.write(report, Path.of("rtl-out/report.html")); }</pre>
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static void write(RunReport r, Path file) {
        try {
            Files.writeString(file, render(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String render(RunReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>defernorm report</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td.l,th.l{text-align:left}")
                .append(".pass{color:#070}.fail{color:#b00;font-weight:bold}img{margin:4px}</style></head><body>\n");
        h.append("<h1>defernorm: generated tops vs golden model</h1>\n");
        h.append("<p>").append(esc(r.engineNote())).append(". Seed ").append(r.seed())
                .append(String.format(Locale.ROOT, ", %.1f s.", r.seconds())).append("</p>\n");
        h.append(r.passed() ? "<p class=\"pass\">All " + r.rows().size() + " tops match the golden model.</p>\n"
                : "<p class=\"fail\">" + r.failures() + " tops or sweep points differ from the golden model.</p>\n");
        table(h, r.rows());
        h.append("<h2>Latency</h2>\n<p>Cycles from a token's first accepted input beat to its last output beat. ")
                .append("Solid: measured in RTL simulation; dashed: the golden model's schedule.</p>\n");
        if (!r.sweepN().isEmpty()) {
            img(h, Charts.latency(r.sweepN(), "n", SweepPoint::n, "latency vs n (" + r.sweepN().get(0).op() + ")", null, null));
        }
        if (!r.sweepC().isEmpty()) {
            h.append("<p>Hiding limit H = ").append(r.hidingLimit()).append(": the largest collective latency C the deferred top hides ")
                    .append("behind the matmul (its latency stays matmul-only plus the final scale up to C = H, then grows one cycle per cycle of C); ")
                    .append(r.hidingLimit() >= 1 ? "the C sweep runs to 2H.</p>\n" : "at this shape not even C = 0 is hidden, so only C = 0 is swept.</p>\n");
            img(h, Charts.latency(r.sweepC(), "C (collective latency)", SweepPoint::c, "latency vs C (" + r.sweepC().get(0).op() + ")",
                    (double) r.hidingLimit(), "H = " + r.hidingLimit()));
        }
        gantt(h, r);
        h.append("<h2>Error distributions</h2>\n<p>Absolute error of every dequantized output lane against the float64 reference.</p>\n");
        for (String op : new TreeSet<>(r.rows().stream().map(ReportRow::op).toList())) {
            Map<String, double[]> samples = new LinkedHashMap<>();
            for (ReportRow row : r.rows()) {
                double[] e = r.errors().get(row.top());
                if (row.op().equals(op) && e != null && e.length > 0) samples.put(row.variant(), e);
            }
            if (!samples.isEmpty()) img(h, Charts.errorHistogram(op + ": |error| vs float64", samples));
        }
        h.append(SystemSection.LINK);
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The per-token timelines of standard and deferred, one chart each on the same cycle axis. */
    private static void gantt(StringBuilder h, RunReport r) {
        h.append("<h2>Per-token timeline: standard vs deferred</h2>\n");
        if (r.gantt().isEmpty()) {
            h.append("<p>Not drawn: the sweep op's standard or deferred top did not pass the every-cycle check, so its internal edges are unproven.</p>\n");
            return;
        }
        h.append("<p>The first tokens of the line-rate run of each top (the table's run). Measured at the top's ports in RTL ")
                .append("simulation: ingest (first to last input handshake) and the end of drain + output (last output handshake). ")
                .append("Internal edges (reduction end, collective, factor, matmul start at the first buffer read and landing, drain start) ")
                .append("are the golden timeline's for the same run, which the checker has just proven equal to the RTL on every ")
                .append("output cycle. Standard's matmul starts only after its factor; deferred's runs beside the reduction, collective and factor.</p>\n");
        long xMax = r.gantt().stream().mapToLong(GanttBar::to).max().orElse(1) + 2;
        for (String v : List.of("standard", "deferred")) {
            List<GanttBar> bars = r.gantt().stream().filter(b -> b.variant().equals(v)).toList();
            if (!bars.isEmpty()) img(h, Charts.gantt(v + ": per-token timeline", bars, xMax));
        }
    }

    private static void table(StringBuilder h, List<ReportRow> rows) {
        h.append("<table><tr><th class=\"l\">op</th><th class=\"l\">variant</th><th>n</th><th>m</th><th>P</th><th>Q</th><th>C</th>")
                .append("<th>latency</th><th>predicted</th><th>cycles/token</th><th>mismatches</th><th>max abs err</th>")
                .append("<th>max rel err</th><th>cells</th><th>FFs</th><th class=\"l\">result</th></tr>\n");
        for (ReportRow row : rows) {
            h.append("<tr><td class=\"l\">").append(row.op()).append("</td><td class=\"l\">").append(row.variant()).append("</td>");
            for (long v : new long[] {row.n(), row.m(), row.p(), row.q(), row.c(), row.latency(), row.predictedLatency()}) {
                h.append("<td>").append(v < 0 ? "-" : Long.toString(v)).append("</td>");
            }
            h.append("<td>").append(num("%.1f", row.cyclesPerToken())).append("</td><td>").append(row.mismatches()).append("</td>")
                    .append("<td>").append(num("%.3g", row.maxAbsError())).append("</td><td>").append(num("%.3g", row.maxRelError())).append("</td>")
                    .append("<td>").append(row.cells() < 0 ? "-" : row.cells()).append("</td><td>").append(row.flipFlops() < 0 ? "-" : row.flipFlops()).append("</td>")
                    .append(row.passed() ? "<td class=\"l pass\">PASS</td>" : "<td class=\"l fail\">FAIL: " + esc(row.firstMismatch()) + "</td>")
                    .append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void img(StringBuilder h, String base64) {
        h.append("<img alt=\"plot\" src=\"data:image/png;base64,").append(base64).append("\">\n");
    }

    private static String num(String f, double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "-"; }

    static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
