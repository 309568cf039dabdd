package defernorm.accel.units;

import defernorm.cosim.Simulation;
import defernorm.golden.fixed.Rounding;
import defernorm.golden.fixed.Saturate;
import defernorm.golden.model.Datapaths;
import defernorm.golden.model.Factor;
import defernorm.golden.model.Formats;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.NormStatistics;
import defernorm.golden.model.OnlineSoftmax;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.TokenResult;
import defernorm.golden.model.Variant;
import defernorm.golden.model.Widths;
import defernorm.cosim.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static defernorm.accel.units.PipeRunner.big;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The output side alone against the golden datapaths: the final scale (deferred), the output stage
 * (matmul-only, standard) and the two normalize stages of standard, each fed with the golden model's own
 * intermediate values (accumulators, factor) of real tokens.
 */
class OutputUnitsTest {

    static void loadBias(Simulation sim, long[] bias, int q, int g) {
        sim.poke("en", 0);
        for (int gi = 0; gi < g; gi++) {
            long[] word = new long[q];
            System.arraycopy(bias, gi * q, word, 0, q);
            sim.poke("b_we", 1);
            sim.poke("b_addr", gi);
            sim.poke("b_data", PipeRunner.pack(word, 32));
            sim.step();
        }
        sim.poke("b_we", 0);
    }

    static long[] randomBias(Random rnd, int m) {
        long[] b = new long[m];
        for (int j = 0; j < m; j++) {
            b[j] = switch (j % 4) { case 0 -> Integer.MAX_VALUE; case 1 -> Integer.MIN_VALUE; default -> rnd.nextInt(); };
        }
        return b;
    }

    /** One output-stage item per drain beat of each token: group, accumulators, and the factor. */
    static List<Map<String, BigInteger>> drainItems(List<TokenResult> results, Params prm, int accBits, boolean withFactor) {
        List<Map<String, BigInteger>> items = new ArrayList<>();
        int q = prm.q(), g = prm.groups();
        for (TokenResult r : results) {
            for (int gi = 0; gi < g; gi++) {
                Map<String, BigInteger> it = new LinkedHashMap<>();
                long[] acc = new long[q];
                System.arraycopy(r.accumulators(), gi * q, acc, 0, q);
                it.put("in_acc", PipeRunner.pack(acc, accBits));
                if (g > 1) it.put("in_group", big(gi));
                it.put("in_last", big(gi == g - 1 ? 1 : 0));
                if (withFactor) {
                    Factor f = r.factor();
                    it.put("in_factor", big(f.r() * (f.input() == r.statistics()[r.statistics().length - 1] && r.statistics().length == 3 ? prm.n() : 1)));
                    it.put("in_exp", big(f.e()));
                }
                items.add(it);
            }
        }
        return items;
    }

    static void checkLanes(List<TokenResult> results, List<Map<String, BigInteger>> got, Params prm, String what) {
        int row = 0;
        for (int t = 0; t < results.size(); t++) {
            for (int gi = 0; gi < prm.groups(); gi++, row++) {
                long[] want = results.get(t).beat(gi, prm.q());
                for (int j = 0; j < prm.q(); j++) {
                    assertEquals(want[j], PipeRunner.lane(got.get(row).get("out_data"), j, 32, true), what + " token " + t + " lane " + (gi * prm.q() + j));
                }
                assertEquals(gi == prm.groups() - 1 ? 1 : 0, got.get(row).get("out_last").intValue());
            }
        }
    }

    static LayerConfig config(Op op, Params prm, Random rnd, long constant) {
        return new LayerConfig(op, prm, Tokens.randomWeights(rnd, prm.n(), prm.m()), randomBias(rnd, prm.m()), constant);
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void scaleUnitMatchesRmsNormAndSoftmaxDeferredOutputs(Engine engine) {
        for (Op op : new Op[] {Op.RMSNORM, Op.SOFTMAX}) {
            Params prm = new Params(24, 8, 4, 4, 0);
            Random rnd = new Random(50 + op.ordinal());
            int accBits = op == Op.SOFTMAX ? 16 + Widths.signedBits(0, prm.n()) : Widths.accumulatorBits(prm.n());
            int factorBits = op == Op.SOFTMAX ? 16 : Widths.scaledFactorBits(prm.n());
            int outFrac = Formats.outFrac(op);
            List<TokenResult> results = new ArrayList<>();
            LayerConfig lc = null;
            for (byte[] x : Tokens.mix(rnd, prm.n(), 25)) {
                if (lc == null || rnd.nextInt(4) == 0) {
                    lc = config(op, prm, rnd, op == Op.SOFTMAX ? 1 + rnd.nextInt(65535) : 1 + (rnd.nextLong() >>> (24 + rnd.nextInt(40))));
                }
                results.add(Datapaths.of(lc, Variant.DEFERRED).process(x));
            }
            // Every token shares one bias table per run: rebuild the results with the last config's bias.
            LayerConfig fixed = lc;
            results.clear();
            for (byte[] x : Tokens.mix(rnd, prm.n(), 25)) results.add(Datapaths.of(fixed, Variant.DEFERRED).process(x));
            List<Map<String, BigInteger>> items = new ArrayList<>();
            for (TokenResult r : results) {
                for (Map<String, BigInteger> it : drainItems(List.of(r), prm, accBits, false)) {
                    Map<String, BigInteger> m = new LinkedHashMap<>(it);
                    m.put("in_factor", big(op == Op.SOFTMAX ? r.factor().r() : prm.n() * r.factor().r()));
                    m.put("in_exp", big(r.factor().e()));
                    items.add(m);
                }
            }
            ScaleUnit unit = new ScaleUnit(prm.q(), prm.groups(), accBits, factorBits, outFrac);
            try (Simulation sim = UnitSims.open(unit, engine)) {
                sim.poke("in_valid", 0);
                sim.reset();
                loadBias(sim, fixed.bias(), prm.q(), prm.groups());
                var got = PipeRunner.stream(sim, items, List.of("out_data", "out_last"), rnd, 0.2, 0.2);
                checkLanes(results, got, prm, op + " deferred");
                PipeRunner.assertLatency(sim, items.get(0), unit.latency());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void outputStageMatchesMatmulOnlyAndStandardOutputs(Engine engine) {
        Params prm = new Params(16, 6, 4, 2, 0);
        Random rnd = new Random(60);
        for (Variant v : new Variant[] {Variant.MATMUL, Variant.STANDARD}) {
            for (Op op : v == Variant.MATMUL ? new Op[] {Op.RMSNORM} : new Op[] {Op.RMSNORM, Op.SOFTMAX}) {
                LayerConfig lc = config(op, prm, rnd, op == Op.SOFTMAX ? 1 + rnd.nextInt(65535) : 1 + rnd.nextInt(1 << 20));
                List<TokenResult> results = new ArrayList<>();
                for (byte[] x : Tokens.mix(rnd, prm.n(), 25)) results.add(Datapaths.of(lc, v).process(x));
                int up = v == Variant.MATMUL ? 0 : Formats.outFrac(op) - Formats.actFrac(op);
                int accBits = Widths.accumulatorBits(prm.n());
                OutputStage unit = new OutputStage(prm.q(), prm.groups(), accBits, up);
                try (Simulation sim = UnitSims.open(unit, engine)) {
                    sim.poke("in_valid", 0);
                    sim.reset();
                    loadBias(sim, lc.bias(), prm.q(), prm.groups());
                    var items = drainItems(results, prm, accBits, false);
                    var got = PipeRunner.stream(sim, items, List.of("out_data", "out_last"), rnd, 0.2, 0.2);
                    checkLanes(results, got, prm, op + " " + v);
                    PipeRunner.assertLatency(sim, items.get(0), unit.latency());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void normRequantizeGivesTheActivationsOfNormStandard(Engine engine) {
        for (Op op : UnitSims.shapes(engine, Op.LAYERNORM, Op.RMSNORM)) {
            int n = 20, p = 4;
            Random rnd = new Random(70 + op.ordinal());
            int s1b = Widths.sumBits(n);
            List<Map<String, BigInteger>> items = new ArrayList<>();
            List<long[]> want = new ArrayList<>();
            for (byte[] x : Tokens.mix(rnd, n, 40)) {
                long eps = 1 + (rnd.nextLong() >>> (24 + rnd.nextInt(40)));
                NormStatistics st = NormStatistics.of(op, x, eps);
                Factor f = Factor.inverseSqrt(st.v());
                int shift = f.shiftFor(Formats.NORM_ACT_FRAC);
                for (int k = 0; k < n / p; k++) {
                    Map<String, BigInteger> it = new LinkedHashMap<>();
                    it.put("in_x", PipeRunner.pack(Tokens.beat(x, k, p), 8));
                    it.put("in_last", big(k == n / p - 1 ? 1 : 0));
                    if (op == Op.LAYERNORM) it.put("in_s1", big(st.s1()));
                    it.put("in_r", big(f.r()));
                    it.put("in_exp", big(f.e()));
                    items.add(it);
                    long[] a = new long[p];
                    for (int i = 0; i < p; i++) {
                        a[i] = Saturate.signed(Rounding.roundShift(st.centered(op, n, x[k * p + i]) * f.r(), shift), Formats.DATA_BITS);
                    }
                    want.add(a);
                }
            }
            NormRequantize unit = new NormRequantize(op, n, p, s1b);
            try (Simulation sim = UnitSims.open(unit, engine)) {
                var got = PipeRunner.stream(sim, items, List.of("out_a"), rnd, 0.2, 0.2);
                for (int b = 0; b < want.size(); b++) {
                    for (int i = 0; i < p; i++) assertEquals(want.get(b)[i], PipeRunner.lane(got.get(b).get("out_a"), i, 8, true), op + " beat " + b + " lane " + i);
                }
                PipeRunner.assertLatency(sim, items.get(0), unit.latency());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void softmaxRequantizeGivesTheProbabilitiesOfSoftmaxStandard(Engine engine) {
        int n = 24, p = 4;
        Random rnd = new Random(80);
        List<Map<String, BigInteger>> items = new ArrayList<>();
        List<long[]> want = new ArrayList<>();
        for (byte[] s : Tokens.mix(rnd, n, 40)) {
            long l = 1 + rnd.nextInt(65535);
            OnlineSoftmax red = OnlineSoftmax.run(s, l, p);
            Factor f = Factor.reciprocal(red.den());
            int shift = f.shiftFor(Formats.PROB_FRAC);
            for (int k = 0; k < n / p; k++) {
                Map<String, BigInteger> it = new LinkedHashMap<>();
                it.put("in_s", PipeRunner.pack(Tokens.beat(s, k, p), 8));
                it.put("in_last", big(k == n / p - 1 ? 1 : 0));
                it.put("in_l", big(l));
                it.put("in_max", big(red.max()));
                it.put("in_r", big(f.r()));
                it.put("in_exp", big(f.e()));
                items.add(it);
                long[] q = new long[p];
                for (int i = 0; i < p; i++) {
                    q[i] = Saturate.range(Rounding.roundShift(OnlineSoftmax.exp(s[k * p + i], l, red.max()) * f.r(), shift), 0, (1L << Formats.PROB_FRAC) - 1);
                }
                want.add(q);
            }
        }
        SoftmaxRequantize unit = new SoftmaxRequantize(p);
        try (Simulation sim = UnitSims.open(unit, engine)) {
            var got = PipeRunner.stream(sim, items, List.of("out_q"), rnd, 0.2, 0.2);
            for (int b = 0; b < want.size(); b++) {
                for (int i = 0; i < p; i++) assertEquals(want.get(b)[i], PipeRunner.lane(got.get(b).get("out_q"), i, SoftmaxRequantize.Q_BITS, false), "beat " + b + " lane " + i);
            }
            PipeRunner.assertLatency(sim, items.get(0), unit.latency());
        }
    }
}
