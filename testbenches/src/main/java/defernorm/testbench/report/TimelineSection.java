package defernorm.testbench.report;

import java.util.List;
import java.util.Optional;

/** The per-token timelines of standard and deferred, one chart each on the same cycle axis. */
final class TimelineSection implements ReportSection {
    @Override public Optional<String> render(RunReport r) {
        StringBuilder h = new StringBuilder("<h2>Per-token timeline: standard vs deferred</h2>\n");
        if (r.gantt().isEmpty()) {
            return Optional.of(h.append("<p>Not drawn: the sweep op's standard or deferred top did not pass the every-cycle check, ")
                    .append("so its internal edges are unproven.</p>\n").toString());
        }
        h.append("<p>The first tokens of the line-rate run of each top (the table's run). Measured at the top's ports in RTL ")
                .append("simulation: ingest (first to last input handshake) and the end of drain + output (last output handshake). ")
                .append("Internal edges (reduction end, collective, factor, matmul start at the first buffer read and landing, drain start) ")
                .append("are the golden timeline's for the same run, which the checker has just proven equal to the RTL on every ")
                .append("output cycle. Standard's matmul starts only after its factor; deferred's runs beside the reduction, collective and factor.</p>\n");
        long xMax = r.gantt().stream().mapToLong(GanttBar::to).max().orElse(1) + 2;
        for (String v : List.of("standard", "deferred")) {
            List<GanttBar> bars = r.gantt().stream().filter(b -> b.variant().equals(v)).toList();
            if (!bars.isEmpty()) h.append(Html.img(Charts.gantt(v + ": per-token timeline", bars, xMax), v + " per-token timeline"));
        }
        return Optional.of(h.toString());
    }
}
