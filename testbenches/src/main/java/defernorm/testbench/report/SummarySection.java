package defernorm.testbench.report;

import java.util.Locale;
import java.util.Optional;

/** The page title, the engine, seed and time, and the verdict. */
final class SummarySection implements ReportSection {
    @Override public Optional<String> render(RunReport r) {
        StringBuilder h = new StringBuilder("<h1>defernorm: generated tops vs golden model</h1>\n");
        h.append("<p>").append(Html.esc(r.engineNote())).append(". Seed ").append(r.seed())
                .append(String.format(Locale.ROOT, ", %.1f s.", r.seconds())).append("</p>\n");
        h.append(r.passed() ? "<p class=\"pass\">All " + r.rows().size() + " tops match the golden model.</p>\n"
                : "<p class=\"fail\">" + r.failures() + " tops or sweep points differ from the golden model.</p>\n");
        return Optional.of(h.toString());
    }
}
