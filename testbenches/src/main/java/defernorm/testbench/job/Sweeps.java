package defernorm.testbench.job;

import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.accel.tops.TopGenerator;
import defernorm.accel.tops.TopLimits;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.report.SweepPoint;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The latency sweeps of the report: each variant of one op simulated at several n (default C) and several
 * C (default n, from 0 to twice the deferred top's hiding limit H), a few tokens each, on the built-in engine
 * (cycle counts are the same on every engine and it needs no build per point), beside the golden schedule's
 * prediction.
 *
 * <pre>{@code List<Integer> cs = Sweeps.cValues(21);   // 0, 5, 10, 15, 20, 21, 22, 25, ..., 42 }</pre>
 */
public final class Sweeps {
    static final Op OP = Op.RMSNORM;
    static final int TOKENS = 4;
    /** Points of a C sweep besides H and H + 1: enough to see the knee. */
    private static final int C_STEPS = 8;

    private Sweeps() {}

    /** Values of n to sweep: multiples of P around the default. */
    static List<Integer> nValues(Params base) {
        List<Integer> ns = new ArrayList<>();
        for (int mult : new int[] {2, 4, 8, 16}) {
            int n = base.p() * mult;
            if (n <= Params.MAX_N && (long) n * base.m() <= TopLimits.MAX_WEIGHTS) ns.add(n);
        }
        if (!ns.contains(base.n())) ns.add(base.n());
        ns.sort(Integer::compare);
        return ns;
    }

    /** {@code base} with vector length {@code n} (a point of the n sweep). */
    static Params atN(Params base, int n) { return new Params(n, base.m(), base.p(), base.q(), base.c()); }

    /** The deferred top's hiding limit H at {@code base} (the largest C it hides), for the sweep op. */
    static long hidingLimit(Params base) {
        return TopGenerator.schedule(OP, Variant.DEFERRED, base).hidingLimit();
    }

    /**
     * C from 0 to 2H in about {@value #C_STEPS} steps, with H and H + 1 (the knee of deferred's latency) and
     * 2H; just 0 when not even C = 0 is hidden (H < 1).
     */
    public static List<Integer> cValues(long h) {
        TreeSet<Integer> cs = new TreeSet<>(List.of(0));
        if (h < 1) return List.copyOf(cs);
        int step = (int) Math.max(1, Math.round(2.0 * h / C_STEPS));
        for (long c = 0; c <= 2 * h; c += step) cs.add((int) c);
        cs.addAll(List.of((int) h, (int) h + 1, (int) (2 * h)));
        return List.copyOf(cs);
    }

    /** {@link #point}, or a failed point when the top cannot be built or simulated. */
    static SweepPoint pointSafely(Variant variant, Params p, long seed) {
        try {
            return point(variant, p, seed);
        } catch (RuntimeException e) {
            return new SweepPoint(OP.name().toLowerCase(), variant.name().toLowerCase(), p.n(), p.c(), -1,
                    TopGenerator.schedule(OP, variant, p).tokenLatency(), Double.NaN, false);
        }
    }

    static SweepPoint point(Variant variant, Params p, long seed) {
        var cfg = RandomLayers.config(OP, p, seed);
        CheckResult r = Checker.check(Tops.underTest(variant, cfg), CheckPlan.free(RandomTokens.generate(p.n(), TOKENS, seed), seed),
                SimOptions.builtin());
        return new SweepPoint(OP.name().toLowerCase(), variant.name().toLowerCase(), p.n(), p.c(), r.latency(),
                TopGenerator.schedule(OP, variant, p).tokenLatency(), r.cyclesPerToken(), r.passed());
    }
}
