package defernorm.accel.units;

import defernorm.cosim.Simulation;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.fixed.InverseSqrtTable;
import defernorm.golden.fixed.Normalize;
import defernorm.golden.fixed.PiecewiseLinear;
import defernorm.golden.fixed.ReciprocalTable;
import defernorm.golden.model.Factor;
import defernorm.cosim.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static defernorm.accel.units.PipeRunner.big;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The nonlinear units alone against their golden functions, bit for bit, on random and edge inputs. */
class NonlinearUnitsTest {

    static List<Map<String, BigInteger>> items(List<Long> values, String port) {
        List<Map<String, BigInteger>> out = new ArrayList<>();
        for (long v : values) out.add(Map.of(port, big(v)));
        return out;
    }

    /** Both ends of every segment, the smallest and largest mantissa, and random mantissas. */
    static List<Long> mantissas(PiecewiseLinear t, Random rnd, int count) {
        int below = t.inBits() - t.indexBits();
        List<Long> vs = new ArrayList<>();
        for (int s = 0; s < t.segments(); s++) {
            long base = (long) (t.first() + s) << below;
            vs.add(base);
            vs.add(base + (1L << below) - 1);
        }
        long lo = (long) t.first() << below;
        for (int i = 0; i < count; i++) vs.add(lo + (long) (rnd.nextDouble() * ((1L << t.inBits()) - lo)));
        return vs;
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void piecewiseLinearUnitsMatchTheirTables(Engine engine) {
        Random rnd = new Random(2);
        for (PiecewiseLinear t : UnitSims.shapes(engine, InverseSqrtTable.TABLE, ReciprocalTable.TABLE)) {
            List<Long> vs = mantissas(t, rnd, 1500);
            PiecewiseLinearUnit unit = new PiecewiseLinearUnit(t);
            try (Simulation sim = UnitSims.open(unit, engine)) {
                var got = PipeRunner.stream(sim, items(vs, "in_mant"), List.of("out_r"), rnd, 0.1, 0.1);
                for (int i = 0; i < vs.size(); i++) assertEquals(t.of(vs.get(i)), got.get(i).get("out_r").longValue(), t.name() + "(" + vs.get(i) + ")");
                PipeRunner.assertLatency(sim, Map.of("in_mant", big(vs.get(7))), unit.latency());
            }
        }
    }

    static List<Long> positives(Random rnd, int bits, int count) {
        List<Long> vs = new ArrayList<>(List.of(1L, 2L, 3L, (1L << bits) - 1, 1L << (bits - 1)));
        for (int k = 0; k < bits; k++) { vs.add(1L << k); vs.add(Math.max(1, (1L << k) - 1)); vs.add((1L << k) + 1 < (1L << bits) ? (1L << k) + 1 : 1L); }
        for (int i = 0; i < count; i++) {
            long v = (rnd.nextLong() >>> (64 - bits)) >>> rnd.nextInt(bits);   // spread over all bit lengths
            vs.add(Math.max(1, v));
        }
        return vs;
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void evenNormalizerMatchesGolden(Engine engine) {
        Random rnd = new Random(4);
        List<Long> vs = positives(rnd, 43, 800);
        LeadingOneNormalizer unit = new LeadingOneNormalizer(43, 32, true);
        try (Simulation sim = UnitSims.open(unit, engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_mant", "out_exp"), rnd, 0.2, 0.2);
            for (int i = 0; i < vs.size(); i++) {
                long v = vs.get(i);
                int e = Normalize.evenExponent(v, 32);
                assertEquals(e, got.get(i).get("out_exp").longValue(), "exponent of " + v);
                assertEquals(Normalize.evenMantissa(v, e), got.get(i).get("out_mant").longValue(), "mantissa of " + v);
            }
            PipeRunner.assertLatency(sim, Map.of("in_data", big(7)), unit.latency());
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void plainNormalizerMatchesGolden(Engine engine) {
        Random rnd = new Random(5);
        List<Long> vs = positives(rnd, 21, 800);
        try (Simulation sim = UnitSims.open(new LeadingOneNormalizer(21, 24, false), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_mant", "out_exp"), rnd, 0.2, 0.2);
            for (int i = 0; i < vs.size(); i++) {
                long v = vs.get(i);
                int e = Normalize.exponent(v, 24);
                assertEquals(e, got.get(i).get("out_exp").longValue(), "exponent of " + v);
                assertEquals(Normalize.mantissa(v, e), got.get(i).get("out_mant").longValue(), "mantissa of " + v);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void rsqrtMatchesFactorInverseSqrt(Engine engine) {
        Random rnd = new Random(6);
        List<Long> vs = positives(rnd, 43, 600);
        RsqrtUnit unit = new RsqrtUnit(43);
        try (Simulation sim = UnitSims.open(unit, engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_r", "out_exp"), rnd, 0.1, 0.1);
            for (int i = 0; i < vs.size(); i++) {
                Factor f = Factor.inverseSqrt(vs.get(i));
                assertEquals(f.r(), got.get(i).get("out_r").longValue(), "r of " + vs.get(i));
                assertEquals(f.e(), got.get(i).get("out_exp").longValue(), "e of " + vs.get(i));
            }
            PipeRunner.assertLatency(sim, Map.of("in_data", big(1)), unit.latency());
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void reciprocalMatchesFactorReciprocal(Engine engine) {
        Random rnd = new Random(9);
        List<Long> vs = positives(rnd, 40, 600);
        ReciprocalUnit unit = new ReciprocalUnit(40);
        try (Simulation sim = UnitSims.open(unit, engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_r", "out_exp"), rnd, 0.1, 0.1);
            for (int i = 0; i < vs.size(); i++) {
                Factor f = Factor.reciprocal(vs.get(i));
                assertEquals(f.r(), got.get(i).get("out_r").longValue(), "r of 1/" + vs.get(i));
                assertEquals(f.e(), got.get(i).get("out_exp").longValue(), "e of 1/" + vs.get(i));
            }
            PipeRunner.assertLatency(sim, Map.of("in_data", big(100)), unit.latency());
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void softmaxFactorMatchesFactorReciprocal(Engine engine) {
        Random rnd = new Random(7);
        List<Long> vs = positives(rnd, 21, 600);
        SoftmaxFactorUnit unit = new SoftmaxFactorUnit(21);
        try (Simulation sim = UnitSims.open(unit, engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_den"), List.of("out_factor", "out_exp"), rnd, 0.1, 0.1);
            for (int i = 0; i < vs.size(); i++) {
                Factor f = Factor.reciprocal(vs.get(i));
                assertEquals(f.r(), got.get(i).get("out_factor").longValue(), "r of 1/" + vs.get(i));
                assertEquals(f.e(), got.get(i).get("out_exp").longValue(), "e of 1/" + vs.get(i));
            }
            PipeRunner.assertLatency(sim, Map.of("in_den", big(100)), unit.latency());
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void exp2MatchesGoldenOverTheWholeInputRange(Engine engine) {
        Random rnd = new Random(8);
        int ub = SoftmaxFront.U_BITS, mb = SoftmaxFront.MAX_BITS;
        long uMin = -(1L << (ub - 1)), uMax = (1L << (ub - 1)) - 1;
        List<Map<String, BigInteger>> items = new ArrayList<>();
        List<Long> ds = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long u = i < 300 ? -(long) i * 16 : uMin + (long) (rnd.nextDouble() * (uMax - uMin));
            long floorMax = Math.floorDiv(u, 1L << Exp2.LOG_FRAC);
            long maxHi = Math.min((1L << (mb - 1)) - 1, floorMax + (i % 3 == 0 ? 0 : rnd.nextInt(i % 3 == 1 ? 12 : 4000)));
            long m = Math.max(floorMax, maxHi);
            items.add(Map.of("in_u", big(u), "in_max", big(m)));
            ds.add(u - (m << Exp2.LOG_FRAC));
        }
        for (boolean reg : UnitSims.shapes(engine, false, true)) {
            Exp2Unit unit = new Exp2Unit(ub, mb, reg);
            try (Simulation sim = UnitSims.open(unit, engine)) {
                var got = PipeRunner.stream(sim, items, List.of("out_p"), rnd, 0.2, 0.2);
                for (int i = 0; i < ds.size(); i++) assertEquals(Exp2.of(ds.get(i)), got.get(i).get("out_p").longValue(), "exp2(" + ds.get(i) + ")");
                PipeRunner.assertLatency(sim, items.get(0), unit.latency());
            }
        }
    }
}
