package defernorm.testbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.Engine;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Schedule;
import defernorm.golden.timing.Timeline;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Mismatch;
import defernorm.testbench.check.TokenEdges;
import defernorm.testbench.report.GanttBar;
import defernorm.testbench.report.GanttBar.Phase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenGanttTest {
    private static final Params P = new Params(64, 32, 8, 4, 6);

    /** A passed run whose port edges are the timeline's, as the checker guarantees for a passing top. */
    private static CheckResult run(Schedule s, Mismatch first) {
        Timeline tl = s.run(5, Arrivals.lineRate());
        List<TokenEdges> edges = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            long[] in = tl.accept()[t];
            long[] out = tl.output()[t];
            edges.add(new TokenEdges(in[0], in[in.length - 1], out[0], out[out.length - 1]));
        }
        return new CheckResult("top", Engine.BUILTIN, true, 5, 999, List.of(), List.of(), 0, first, tl.latency(0), 64, edges);
    }

    @Test
    void portEdgesAreMeasuredAndInternalEdgesAreTheTimelines() {
        Schedule s = TopGenerator.schedule(Op.RMSNORM, Variant.DEFERRED, P);
        Timeline tl = s.run(TokenGantt.TOKENS, Arrivals.lineRate());
        List<GanttBar> bars = TokenGantt.bars(run(s, null), s);
        assertEquals(TokenGantt.TOKENS * Phase.values().length, bars.size());
        GanttBar ingest = bars.get(0);
        assertEquals(Phase.INGEST, ingest.phase());
        assertEquals(0, ingest.from());
        assertEquals(P.beats() - 1, ingest.to());
        GanttBar collective = bars.stream().filter(b -> b.phase() == Phase.COLLECTIVE && b.token() == 1).findFirst().orElseThrow();
        assertEquals(P.c(), collective.to() - collective.from());
        GanttBar factor = bars.stream().filter(b -> b.phase() == Phase.FACTOR && b.token() == 1).findFirst().orElseThrow();
        assertEquals(tl.factor()[1], factor.to());
        GanttBar scale = bars.stream().filter(b -> b.phase() == Phase.SCALE && b.token() == 2).findFirst().orElseThrow();
        assertEquals(tl.drainStart()[2], scale.from());
        assertEquals(tl.output()[2][P.groups() - 1], scale.to());
        assertTrue(bars.stream().allMatch(b -> b.variant().equals("deferred")));
    }

    @Test
    void aFailedRunDrawsNothingAndZeroLengthPhasesAreLeftOut() {
        Schedule s = TopGenerator.schedule(Op.RMSNORM, Variant.STANDARD, P);
        Mismatch m = new Mismatch(5, 5, "m_axis_tvalid", "1", "0", 0, 0, "", null);
        assertTrue(TokenGantt.bars(run(s, m), s).isEmpty());
        Schedule noCollective = TopGenerator.schedule(Op.RMSNORM, Variant.STANDARD, P.withC(0));
        assertTrue(TokenGantt.bars(run(noCollective, null), noCollective).stream().noneMatch(b -> b.phase() == Phase.COLLECTIVE));
    }
}
