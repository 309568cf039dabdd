package defernorm.accel.units;

import defernorm.cosim.Simulation;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Factor;
import defernorm.golden.model.NormStatistics;
import defernorm.golden.model.OnlineSoftmax;
import defernorm.golden.model.Op;
import defernorm.golden.model.Widths;
import defernorm.hdl.Inst;
import defernorm.hdl.Component;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
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

/** Reduction trees, the softmax front with its denominator, the collective and the norm factor chain vs the golden model. */
class ReductionUnitsTest {

    static List<Map<String, BigInteger>> beats(List<byte[]> tokens, int p, String port) {
        List<Map<String, BigInteger>> items = new ArrayList<>();
        for (byte[] x : tokens) {
            int nb = x.length / p;
            for (int k = 0; k < nb; k++) {
                items.add(Map.of(port, PipeRunner.pack(Tokens.beat(x, k, p), 8), "in_last", big(k == nb - 1 ? 1 : 0)));
            }
        }
        return items;
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void sumAndSumOfSquaresMatchNormStatisticsBeatByBeat(Engine engine) {
        for (int[] shape : UnitSims.shapes(engine, new int[][] {{8, 4}, {5, 3}, {1, 4}, {16, 1}})) {
            int p = shape[0], nb = shape[1], n = p * nb;
            Random rnd = new Random(10 + p);
            List<byte[]> tokens = Tokens.mix(rnd, n, 30);
            for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.SUMSQ}) {
                ReductionTree.Config cfg = ReductionTree.Config.norm(p, nb, op);
                try (Simulation sim = UnitSims.open(new ReductionTree(cfg), engine)) {
                    var got = PipeRunner.stream(sim, beats(tokens, p, "in_data"), List.of("out_data", "out_last"), rnd, 0.2, 0.3);
                    int row = 0;
                    for (byte[] x : tokens) {
                        for (int k = 0; k < nb; k++, row++) {
                            byte[] prefix = java.util.Arrays.copyOf(x, (k + 1) * p);
                            NormStatistics st = NormStatistics.of(Op.RMSNORM, prefix, 1);
                            long want = op == ReduceOp.SUM ? st.s1() : st.s2();
                            assertEquals(want, got.get(row).get("out_data").longValue(), op + " P=" + p + " after beat " + k);
                            assertEquals(k == nb - 1 ? 1 : 0, got.get(row).get("out_last").intValue());
                        }
                    }
                    assertEquals(true, cfg.acc().width() >= (op == ReduceOp.SUM ? Widths.sumBits(n) : Widths.sumSquaresBits(n)));
                    PipeRunner.assertLatency(sim, beats(List.of(tokens.get(0)), p, "in_data").get(0), new ReductionTree(cfg).latency());
                }
            }
        }
    }

    /** Softmax front + denominator tree, wired as softmax deferred wires them. */
    static final class SoftmaxReduction extends Component {
        SoftmaxReduction(int p, int nb) {
            super("SoftmaxReduction_P" + p + "_NB" + nb);
            Signal en = input("en", Type.bool());
            Inst front = instance("front", new SoftmaxFront(p, nb, true));
            front.in("en", en).in("in_valid", input("in_valid", Type.bool())).in("in_last", input("in_last", Type.bool()))
                    .in("in_s", input("in_s", Type.uint(8 * p))).in("in_l", input("in_l", Type.uint(SoftmaxFront.L_BITS)));
            Inst den = instance("den_tree", new ReductionTree(new ReductionTree.Config(p, Type.uint(Exp2.OUT_BITS), nb, ReduceOp.SUM, false, SoftmaxFront.MAX_BITS)));
            den.in("en", en).in("in_valid", front.out("out_valid")).in("in_last", front.out("out_last"))
                    .in("in_data", front.out("out_p")).in("in_shift", front.out("out_delta"));
            output("p_valid", Type.bool()).set(front.out("out_valid"));
            output("p", Type.uint(p * Exp2.OUT_BITS)).set(front.out("out_p"));
            output("max", Type.sint(SoftmaxFront.MAX_BITS)).set(front.out("out_max"));
            output("delta", Type.uint(SoftmaxFront.MAX_BITS)).set(front.out("out_delta"));
            output("out_valid", Type.bool()).set(den.out("out_valid"));
            output("out_last", Type.bool()).set(den.out("out_last"));
            output("den", den.out("out_data").type()).set(den.out("out_data"));
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void softmaxFrontAndDenominatorMatchOnlineSoftmax(Engine engine) {
        for (int[] shape : UnitSims.shapes(engine, new int[][] {{4, 4}, {3, 5}, {8, 1}, {1, 6}})) {
            int p = shape[0], nb = shape[1], n = p * nb;
            Random rnd = new Random(20 + p);
            List<byte[]> tokens = Tokens.mix(rnd, n, 30);
            long[] ls = new long[tokens.size()];
            List<Map<String, BigInteger>> items = new ArrayList<>();
            for (int t = 0; t < tokens.size(); t++) {
                ls[t] = t % 3 == 0 ? (1L << 16) - 1 : 1 + rnd.nextInt(t % 3 == 1 ? 200 : 65535);
                for (Map<String, BigInteger> b : beats(List.of(tokens.get(t)), p, "in_s")) {
                    Map<String, BigInteger> m = new LinkedHashMap<>(b);
                    m.put("in_l", big(ls[t]));
                    items.add(m);
                }
            }
            try (Simulation sim = UnitSims.open(new SoftmaxReduction(p, nb), engine)) {
                // The den tree's output is the stream's out_valid; p/max/delta are checked through the front's own run below.
                var got = PipeRunner.stream(sim, items, List.of("den", "out_last"), rnd, 0.2, 0.3);
                int row = 0;
                for (int t = 0; t < tokens.size(); t++) {
                    OnlineSoftmax red = OnlineSoftmax.run(tokens.get(t), ls[t], p);
                    row += nb;
                    assertEquals(red.den(), got.get(row - 1).get("den").longValue(), "den of token " + t + " (P=" + p + ")");
                    assertEquals(1, got.get(row - 1).get("out_last").intValue());
                }
            }
            SoftmaxFront frontUnit = new SoftmaxFront(p, nb, true);
            try (Simulation sim = UnitSims.open(frontUnit, engine)) {
                var got = PipeRunner.stream(sim, rename(items), List.of("out_p", "out_max", "out_delta"), rnd, 0.2, 0.3);
                int row = 0;
                for (int t = 0; t < tokens.size(); t++) {
                    byte[] s = tokens.get(t);
                    OnlineSoftmax red = OnlineSoftmax.run(s, ls[t], p);
                    for (int k = 0; k < nb; k++, row++) {
                        long mk = red.beatMax()[k];
                        assertEquals(mk, got.get(row).get("out_max").longValue(), "M_" + k);
                        assertEquals(k == 0 ? 0 : mk - red.beatMax()[k - 1], got.get(row).get("out_delta").longValue(), "delta_" + k);
                        for (int i = 0; i < p; i++) {
                            assertEquals(OnlineSoftmax.exp(s[k * p + i], ls[t], mk),
                                    PipeRunner.lane(got.get(row).get("out_p"), i, Exp2.OUT_BITS, false), "p of lane " + i + " beat " + k);
                        }
                    }
                }
                PipeRunner.assertLatency(sim, rename(items).get(0), frontUnit.latency());
            }
        }
    }

    private static List<Map<String, BigInteger>> rename(List<Map<String, BigInteger>> items) {
        return items;   // SoftmaxFront has the same input port names as the harness
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void normFactorMatchesNormStatisticsAndInverseSqrt(Engine engine) {
        for (Op op : UnitSims.shapes(engine, Op.LAYERNORM, Op.RMSNORM)) {
            int n = 48;
            Random rnd = new Random(op.ordinal() + 30);
            List<byte[]> tokens = Tokens.mix(rnd, n, 120);
            int s1b = Widths.sumBits(n), s2b = Widths.sumSquaresBits(n);
            List<Map<String, BigInteger>> items = new ArrayList<>();
            List<Long> eps = new ArrayList<>();
            for (int t = 0; t < tokens.size(); t++) {
                long e = switch (t % 4) { case 0 -> 1; case 1 -> (1L << 40) - 1; default -> 1 + (rnd.nextLong() >>> (24 + rnd.nextInt(40))); };
                e = Math.min(e, (1L << 40) - 1);
                eps.add(e);
                NormStatistics st = NormStatistics.of(op, tokens.get(t), e);
                Map<String, BigInteger> m = new LinkedHashMap<>();
                if (op == Op.LAYERNORM) m.put("in_s1", big(st.s1()));
                m.put("in_s2", big(st.s2()));
                m.put("in_eps", big(e));
                items.add(m);
            }
            NormFactorUnit unit = new NormFactorUnit(op, n, s1b, s2b);
            try (Simulation sim = UnitSims.open(unit, engine)) {
                var got = PipeRunner.stream(sim, items, List.of("out_factor", "out_r", "out_exp"), rnd, 0.1, 0.1);
                for (int t = 0; t < tokens.size(); t++) {
                    Factor f = Factor.inverseSqrt(NormStatistics.of(op, tokens.get(t), eps.get(t)).v());
                    assertEquals(n * f.r(), got.get(t).get("out_factor").longValue(), op + " n*r of token " + t);
                    assertEquals(f.r(), got.get(t).get("out_r").longValue(), op + " r of token " + t);
                    assertEquals(f.e(), got.get(t).get("out_exp").longValue(), op + " e of token " + t);
                }
                PipeRunner.assertLatency(sim, items.get(3), unit.latency());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void collectiveDelayIsCRegistersOrAWire(Engine engine) {
        for (int c : UnitSims.shapes(engine, 5, 0, 1)) {
            Random rnd = new Random(40 + c);
            List<Map<String, BigInteger>> items = new ArrayList<>();
            for (int i = 0; i < 200; i++) items.add(Map.of("in_data", big(rnd.nextLong() >>> 32)));
            try (Simulation sim = UnitSims.open(new CollectiveDelay(32, c), engine)) {
                if (c == 0) {
                    for (var it : items) {
                        sim.poke("in_valid", 1);
                        sim.poke("in_data", it.get("in_data"));
                        assertEquals(it.get("in_data"), sim.peek("out_data"));
                        assertEquals(1, sim.peekLong("out_valid"));
                        sim.step();
                    }
                    continue;
                }
                var got = PipeRunner.stream(sim, items, List.of("out_data"), rnd, 0.3, 0.3);
                for (int i = 0; i < items.size(); i++) assertEquals(items.get(i).get("in_data"), got.get(i).get("out_data"));
                PipeRunner.assertLatency(sim, items.get(0), c);
            }
        }
    }
}
