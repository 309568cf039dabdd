package defernorm.testbench.report;

import java.util.Optional;

/** Latency against n and against C from the sweeps; left out when the job ran without sweeps. */
final class LatencySection implements ReportSection {
    @Override public Optional<String> render(RunReport r) {
        if (r.sweepN().isEmpty() && r.sweepC().isEmpty()) return Optional.empty();
        StringBuilder h = new StringBuilder("<h2>Latency</h2>\n<p>Cycles from a token's first accepted input beat to its last output beat. ")
                .append("Large light circles on solid lines: measured in RTL simulation; small dark crosses on dashed lines, drawn on top: ")
                .append("the golden model's schedule. A cross inside a circle means the two agree.</p>\n");
        if (!r.sweepN().isEmpty()) {
            h.append(Html.img(Charts.latency(r.sweepN(), "n", SweepPoint::n, "latency vs n (" + r.sweepN().get(0).op() + ")", null, null),
                    "latency against n"));
        }
        if (!r.sweepC().isEmpty()) {
            h.append("<p>Hiding limit H = ").append(r.hidingLimit()).append(": the largest collective latency C the deferred top hides ")
                    .append("behind the matmul (its latency stays matmul-only plus the final scale up to C = H, then grows one cycle per cycle of C); ")
                    .append(r.hidingLimit() >= 1 ? "the C sweep runs to 2H.</p>\n" : "at this shape not even C = 0 is hidden, so only C = 0 is swept.</p>\n");
            h.append(Html.img(Charts.latency(r.sweepC(), "C (collective latency)", SweepPoint::c, "latency vs C (" + r.sweepC().get(0).op() + ")",
                    (double) r.hidingLimit(), "H = " + r.hidingLimit()), "latency against C"));
        }
        return Optional.of(h.toString());
    }
}
