package defernorm.testbench.report;

import java.util.Optional;

/**
 * One section of {@code report.html}. {@link HtmlReport#SECTIONS} lists them in page order; a new section is
 * one class and one entry there.
 *
 * <pre>{@code
 * ReportSection notes = r -> Optional.of("<h2>Notes</h2>\n<p>" + Html.esc(r.engineNote()) + "</p>\n");
 * }</pre>
 */
@FunctionalInterface
public interface ReportSection {
    /** The section's HTML, heading included, or empty when it has nothing to show (the page never has an empty heading). */
    Optional<String> render(RunReport report);
}
