package defernorm.testbench.job;

import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Schedule;
import defernorm.golden.timing.Timeline;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.TokenEdges;
import defernorm.testbench.report.GanttBar;
import defernorm.testbench.report.GanttBar.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-token timeline of the report, from a passed line-rate RTL run: the edges observable at the top's
 * ports (first/last input handshake, last output handshake) are the measured ones; the internal edges
 * (reduction end, collective, factor, matmul start and landing, drain start) come from the golden timeline
 * of the same run, which the checker has just proven equal to the RTL on every output cycle.
 */
final class TokenGantt {
    /** Tokens drawn: enough to show two tokens overlapping in the double buffer. */
    static final int TOKENS = 3;

    private TokenGantt() {}

    /** The bars of the first {@link #TOKENS} tokens, or none when the run failed (its internal edges are unproven). */
    static List<GanttBar> bars(CheckResult run, Schedule schedule) {
        List<GanttBar> bars = new ArrayList<>();
        int tokens = Math.min(TOKENS, run.tokens());
        if (!run.passed() || !run.everyCycle() || run.tokenEdges().size() < tokens) return bars;
        String variant = schedule.variant().name().toLowerCase(Locale.ROOT);
        Timeline tl = schedule.run(tokens, Arrivals.lineRate());
        int c = schedule.params().c();
        for (int t = 0; t < tokens; t++) {
            TokenEdges port = run.tokenEdges().get(t);
            if (!port.complete()) return List.of();
            long factor = tl.factor()[t];
            long reduced = factor - c - schedule.depths().factor();
            add(bars, variant, t, Phase.INGEST, port.firstInput(), port.lastInput());
            if (factor >= 0) {
                add(bars, variant, t, Phase.REDUCTION, port.lastInput(), reduced);
                add(bars, variant, t, Phase.COLLECTIVE, reduced, reduced + c);
                add(bars, variant, t, Phase.FACTOR, reduced + c, factor);
            }
            add(bars, variant, t, Phase.MATMUL, tl.read()[t][0], tl.land()[t]);
            add(bars, variant, t, Phase.SCALE, tl.drainStart()[t], port.lastOutput());
        }
        return bars;
    }

    private static void add(List<GanttBar> bars, String variant, int token, Phase phase, long from, long to) {
        if (to > from) bars.add(new GanttBar(variant, token, phase, from, to));
    }
}
