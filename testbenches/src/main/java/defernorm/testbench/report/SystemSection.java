package defernorm.testbench.report;

import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.sweep.PointResult;
import defernorm.testbench.sweep.SystemFindings;
import defernorm.testbench.sweep.SystemRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The system section of the report, drawn from a sweep's points ({@code defernorm sweep}): latency against T
 * for each op and topology (a line per variant and H), standard's share of latency in the statistics
 * collective beside the paper's ~20 %, the sentence saying where deferral stops hiding the collective, and
 * the table behind the plots.
 *
 * <pre>{@code
 * Path page = SystemSection.writePage(Path.of("rtl-out"), results);   // rtl-out/system.html
 * String fragment = SystemSection.html(results);                      // for a larger page
 * }</pre>
 */
public final class SystemSection {
    /** The page {@link #writePage} writes into its folder. */
    public static final String PAGE = "system.html";

    /** The main report's pointer to the system page, which sits beside it when a sweep wrote it into the same folder. */
    static final ReportSection LINK = r -> Optional.of("<h2>System: T tiles</h2>\n<p>The multi-tile sweep (latency against T and the hop latency H, "
            + "ring and tree; the collective's share of standard's latency; where deferral stops hiding it) is its own page, "
            + "<a href=\"" + PAGE + "\">" + PAGE + "</a>, written beside this one by <code>defernorm sweep --report DIR</code>, "
            + "<code>defernorm sweep merge ... --report DIR</code> or <code>make bench</code> (into rtl-out/).</p>\n");

    private SystemSection() {}

    /** The section as an HTML fragment (an h2 and what follows); empty when there are no points. */
    public static String html(List<PointResult> results) {
        if (results.isEmpty()) return "";
        List<SystemRow> rows = SystemFindings.rows(results);
        StringBuilder h = new StringBuilder();
        long failed = results.stream().filter(r -> !r.passed()).count();
        h.append("<h2>System: T tiles joined by a ring or a tree</h2>\n<p>").append(results.size()).append(" sweep points, ")
                .append(failed == 0 ? "every one matching the golden model on every cycle and bit"
                        : "<span class=\"fail\">" + failed + " failing</span>")
                .append(". Latency: cycles from a token's first input handshake to its last output handshake, measured in RTL. ")
                .append("L_ar: the statistics all-reduce's cycles; tile matmul: (n/(T·P))·(m/Q) cycles per token.</p>\n");
        h.append("<h3>Where deferral stops hiding the collective</h3>\n<ul>\n");
        for (String s : SystemFindings.hidingSentences(rows)) h.append("<li>").append(Html.esc(s)).append("</li>\n");
        h.append("</ul>\n");
        for (Op op : rows.stream().map(SystemRow::op).distinct().toList()) {
            h.append("<h3>").append(name(op)).append("</h3>\n");
            for (Topology t : rows.stream().filter(r -> r.op() == op).map(SystemRow::topology).distinct().toList()) {
                h.append(Html.img(SystemCharts.latencyVsTiles(rows, op, t), name(op) + ", " + t.cliName() + ": latency against T"));
            }
            double max = SystemFindings.maxShare(rows.stream().filter(r -> r.op() == op).toList());
            h.append(String.format(Locale.ROOT, "<p>Standard spends up to %.1f %% of its latency in the statistics collective "
                    + "(the paper: ~%.0f %%); deferred removes it wherever the collective fits behind the tile's matmul.</p>\n",
                    100 * max, 100 * SystemFindings.PAPER_SHARE));
            h.append(Html.img(SystemCharts.collectiveShare(rows, op), name(op) + ": share of standard's latency in the collective"));
        }
        table(h, rows);
        return h.toString();
    }

    /** Writes {@code dir/system.html}, a page holding the section alone, and returns its path. */
    public static Path writePage(Path dir, List<PointResult> results) {
        Path file = dir.resolve(PAGE);
        String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>defernorm system sweep</title>\n<style>" + HtmlReport.CSS + "</style></head><body>\n"
                + "<h1>defernorm: system sweep</h1>\n" + html(results) + "</body></html>\n";
        try {
            Files.writeString(file, page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void table(StringBuilder h, List<SystemRow> rows) {
        h.append("<h3>Every system swept</h3>\n<table><tr><th class=\"l\">op</th><th>n</th><th>m</th><th>P×Q</th>")
                .append("<th class=\"l\">topology</th><th>H</th><th>T</th><th>L_ar</th><th>tile matmul</th><th>hiding limit</th>")
                .append("<th>standard</th><th>deferred</th><th>matmul-only</th><th>collective share</th><th>deferred − matmul</th></tr>\n");
        for (SystemRow r : rows) {
            h.append("<tr><td class=\"l\">").append(name(r.op())).append("</td><td>").append(r.n()).append("</td><td>").append(r.m())
                    .append("</td><td>").append(r.p()).append("×").append(r.q()).append("</td><td class=\"l\">")
                    .append(r.topology().cliName()).append("</td><td>").append(r.hopLatency()).append("</td><td>").append(r.tiles())
                    .append("</td>");
            cell(h, r.collectiveCycles());
            cell(h, r.matmulCycles());
            h.append("<td>").append(r.hidingLimit() == null ? "-" : r.hidingLimit()).append("</td>");
            for (Variant v : Variant.values()) cell(h, r.latency(v));
            double share = r.collectiveShare();
            h.append("<td>").append(Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "-").append("</td>");
            Long d = r.deferredOverMatmul();
            h.append("<td>").append(d == null ? "-" : String.format(Locale.ROOT, "%+d", d)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, long v) {
        h.append("<td>").append(v < 0 ? "-" : Long.toString(v)).append("</td>");
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
