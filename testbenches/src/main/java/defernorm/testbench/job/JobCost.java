package defernorm.testbench.job;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.Engine;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.stimulus.EdgeCases;
import java.util.List;

/**
 * The expected cost of each step of the main job, in simulated cycles (from the golden schedule) weighted by
 * how dear a cycle is in that step, so the progress bar advances with the work rather than the step count
 * and its ETA does not swing between a cheap step and a dear one. The weights are rough relative costs:
 * a model build is not predictable (a warm cache skips it), so generation gets a fixed share.
 *
 * <pre>{@code long total = JobCost.total(settings, Sweeps.nValues(p), Sweeps.cValues(h)); }</pre>
 */
final class JobCost {
    /** Generating a top (and its model build, amortized): worth this many cycles of a line-rate run. */
    static final long GENERATE = 5_000;
    /** A backpressure cycle is one batch of one cycle (a round trip to the model), a line-rate cycle is streamed. */
    static final int BACKPRESSURE_CYCLE = 4;
    /** A built-in engine cycle against a Verilator cycle (the sweeps always run on the built-in engine). */
    static final int BUILTIN_CYCLE = 8;

    private JobCost() {}

    /** Tokens of the input-gap and backpressure runs for a main run of {@code all} tokens. */
    static int shortRunTokens(int all) { return Math.min(all, Math.max(8, all / TopJob.BACKPRESSURE_DIVISOR)); }

    /** The line-rate run of one top: every token once, at the schedule's pace. */
    static long lineRate(Op op, Variant v, JobSettings s) {
        return cycles(op, v, s.params(), allTokens(s)) * engineFactor(s.engine());
    }

    /** The input-gap run (70 % input valid) and the backpressure run (60 % output ready, one batch per cycle). */
    static long gapsAndBackpressure(Op op, Variant v, JobSettings s) {
        long cycles = cycles(op, v, s.params(), shortRunTokens(allTokens(s)));
        return Math.round(cycles / 0.7 + cycles / 0.6 * BACKPRESSURE_CYCLE) * engineFactor(s.engine());
    }

    /** One point of a latency sweep ({@link Sweeps#TOKENS} tokens on the built-in engine). */
    static long sweepPoint(Variant v, Params p) {
        return cycles(Sweeps.OP, v, p, Sweeps.TOKENS) * BUILTIN_CYCLE;
    }

    /** The whole job: 9 tops, then every sweep point of the three variants. */
    static long total(JobSettings s, List<Integer> ns, List<Integer> cs) {
        long sum = 0;
        for (Op op : Op.values()) {
            for (Variant v : MainJob.VARIANTS) sum += GENERATE + lineRate(op, v, s) + gapsAndBackpressure(op, v, s);
        }
        Params base = s.params();
        for (Variant v : MainJob.VARIANTS) {
            for (int n : ns) sum += sweepPoint(v, Sweeps.atN(base, n));
            for (int c : cs) sum += sweepPoint(v, base.withC(c));
        }
        return sum;
    }

    private static int allTokens(JobSettings s) { return EdgeCases.tokens(s.params().n()).size() + s.tokens(); }

    private static long cycles(Op op, Variant v, Params p, int tokens) {
        return TopGenerator.schedule(op, v, p).totalCycles(tokens);
    }

    private static int engineFactor(Engine e) { return e == Engine.BUILTIN ? BUILTIN_CYCLE : 1; }
}
