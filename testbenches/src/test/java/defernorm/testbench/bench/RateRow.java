package defernorm.testbench.bench;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;

/**
 * Steady-state cycles per token of the three variants at one shape (from the top's Schedule), and up to
 * which collective latency the standard variant keeps the matmul's rate: with double buffering it does
 * while its ingest and factor chain fit behind the previous token's matmul,
 * {@code NB + reduction + C + factor + 1 ≤ (NB + 1)·G} (docs/timing.md).
 *
 * @param op        the operation
 * @param params    the shape (its C is the one the cycles per token are given at)
 * @param matmul    matmul-only cycles per token
 * @param deferred  deferred cycles per token
 * @param standard  standard cycles per token
 * @param standardUpToC the largest C at which standard runs at the matmul rate (negative: not even at C = 0)
 */
record RateRow(Op op, Params params, double matmul, double deferred, double standard, long standardUpToC) {
    static RateRow of(Op op, Params p) {
        return new RateRow(op, p, cpt(op, Variant.MATMUL, p), cpt(op, Variant.DEFERRED, p), cpt(op, Variant.STANDARD, p),
                standardRateLimit(op, p));
    }

    /** {@link #of}, or null when the tops cannot be built at {@code p} (e.g. a longer collective than they build). */
    static RateRow ofBuildable(Op op, Params p) {
        try {
            return of(op, p);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The largest C with {@code NB + reduction + C + factor + 1 ≤ (NB + 1)·G}, from the standard top's depths. */
    static long standardRateLimit(Op op, Params p) {
        PipelineDepths d = TopGenerator.depths(op, Variant.STANDARD, p.withC(0));   // the depths do not depend on C
        long nb = p.beats();
        return (nb + 1) * p.groups() - nb - d.reduction() - d.factor() - 1;
    }

    private static double cpt(Op op, Variant v, Params p) {
        Schedule s = TopGenerator.schedule(op, v, p);
        return s.cyclesPerToken();
    }
}
