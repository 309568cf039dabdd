package defernorm.testbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code report.html}: one self-contained page (SVG plots embedded) built from {@link #SECTIONS} in
 * order; a section with nothing to show is left out, heading and all.
 *
 * <pre>{@code HtmlReport.write(report, Path.of("rtl-out/report.html")); }</pre>
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** The page's sections, top to bottom. A new section is one class and one entry here. */
    static final List<ReportSection> SECTIONS = List.of(new SummarySection(), new ResultsTable(), new LatencySection(),
            new TimelineSection(), new ErrorSection(), SystemSection.LINK);

    /** Sized for a 900 px laptop window: content at most 880 px wide, plots and the table scale down. */
    static final String CSS = String.join("",
            "body{font-family:sans-serif;margin:1em auto;padding:0 10px;max-width:880px;line-height:1.4;color:#222}",
            "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}",
            "table{border-collapse:collapse;font-size:13px;width:100%;table-layout:auto}",
            "td,th{border:1px solid #ccc;padding:2px 5px;text-align:right;vertical-align:top}",
            "th{background:#f3f3f3;font-weight:600}td.l,th.l{text-align:left}th abbr{text-decoration:none}",
            ".pass{color:#070}.fail{color:#b00;font-weight:bold}.note{color:#555;font-size:13px}",
            "img{display:block;max-width:100%;height:auto;margin:6px 0}");

    public static void write(RunReport r, Path file) {
        try {
            Files.writeString(file, render(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String render(RunReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>defernorm report</title>\n<style>").append(CSS).append("</style></head><body>\n");
        for (ReportSection s : SECTIONS) s.render(r).ifPresent(h::append);
        h.append("</body></html>\n");
        return h.toString();
    }
}
