package defernorm.testbench.job;

import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.accel.tops.TopGenerator;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.report.SweepPoint;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The latency sweeps of the report: each variant of one op simulated at several n (default C) and several
 * C (default n), a few tokens each, on the built-in engine (cycle counts are the same on every engine and it
 * needs no build per point), beside the golden schedule's prediction.
 */
final class Sweeps {
    static final Op OP = Op.RMSNORM;
    static final int TOKENS = 4;

    private Sweeps() {}

    /** Values of n to sweep: multiples of P around the default. */
    static List<Integer> nValues(Params base) {
        List<Integer> ns = new ArrayList<>();
        for (int mult : new int[] {2, 4, 8, 16}) {
            int n = base.p() * mult;
            if (n <= Params.MAX_N) ns.add(n);
        }
        if (!ns.contains(base.n())) ns.add(base.n());
        ns.sort(Integer::compare);
        return ns;
    }

    static List<Integer> cValues(Params base) {
        List<Integer> cs = new ArrayList<>(List.of(0, 2, 8, 32, 64));
        if (!cs.contains(base.c())) cs.add(base.c());
        cs.sort(Integer::compare);
        return cs;
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
