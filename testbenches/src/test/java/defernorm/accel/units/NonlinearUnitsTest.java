package defernorm.accel.units;

import defernorm.cosim.Simulation;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.fixed.Isqrt;
import defernorm.golden.fixed.Normalize;
import defernorm.golden.fixed.Reciprocal;
import defernorm.golden.model.Factor;
import defernorm.golden.timing.Latencies;
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

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void isqrt8IsExactForEveryInput(Engine engine) {
        List<Long> vs = new ArrayList<>();
        for (long v = 0; v < 256; v++) vs.add(v);
        try (Simulation sim = UnitSims.open(new IsqrtUnit(8), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_data"), new Random(1), 0.2, 0.2);
            for (int i = 0; i < vs.size(); i++) assertEquals(Isqrt.floorSqrt(vs.get(i), 8), got.get(i).get("out_data").longValue(), "isqrt(" + vs.get(i) + ")");
            PipeRunner.assertLatency(sim, Map.of("in_data", big(99)), 4);
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void isqrt32MatchesGoldenOnRandomAndEdgeInputs(Engine engine) {
        Random rnd = new Random(2);
        List<Long> vs = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, (1L << 32) - 1, 1L << 30, (1L << 30) - 1, 65535L * 65535, 65535L * 65535 - 1, 65536L * 65535));
        for (int i = 0; i < 1500; i++) vs.add(i % 2 == 0 ? rnd.nextLong() >>> 32 : (1L << 30) + (rnd.nextLong() >>> 34) * 3);
        for (int i = 0; i < 200; i++) { long s = rnd.nextInt(65536); vs.add(s * s); if (s > 0) vs.add(s * s - 1); }
        try (Simulation sim = UnitSims.open(new IsqrtUnit(32), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_data"), rnd, 0.1, 0.1);
            for (int i = 0; i < vs.size(); i++) assertEquals(Isqrt.floorSqrt(vs.get(i), 32), got.get(i).get("out_data").longValue(), "isqrt(" + vs.get(i) + ")");
            PipeRunner.assertLatency(sim, Map.of("in_data", big(12345)), Latencies.ISQRT);
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void reciprocalIsExactForEveryNormalizedInput(Engine engine) {
        List<Long> vs = new ArrayList<>();
        for (long s = 1L << 15; s < 1L << 16; s++) vs.add(s);
        try (Simulation sim = UnitSims.open(new ReciprocalUnit(), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_data"), new Random(3), 0.05, 0.05);
            for (int i = 0; i < vs.size(); i++) assertEquals(Reciprocal.ofNormalized(vs.get(i)), got.get(i).get("out_data").longValue(), "1/" + vs.get(i));
            PipeRunner.assertLatency(sim, Map.of("in_data", big(40000)), Latencies.RECIPROCAL);
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
        try (Simulation sim = UnitSims.open(new LeadingOneNormalizer(43, 32, true), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_mant", "out_exp"), rnd, 0.2, 0.2);
            for (int i = 0; i < vs.size(); i++) {
                long v = vs.get(i);
                int e = Normalize.evenExponent(v, 32);
                assertEquals(e, got.get(i).get("out_exp").longValue(), "exponent of " + v);
                assertEquals(Normalize.evenMantissa(v, e), got.get(i).get("out_mant").longValue(), "mantissa of " + v);
            }
            PipeRunner.assertLatency(sim, Map.of("in_data", big(7)), Latencies.NORMALIZE_SHIFT);
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void plainNormalizerMatchesGolden(Engine engine) {
        Random rnd = new Random(5);
        List<Long> vs = positives(rnd, 21, 800);
        try (Simulation sim = UnitSims.open(new LeadingOneNormalizer(21, 16, false), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_mant", "out_exp"), rnd, 0.2, 0.2);
            for (int i = 0; i < vs.size(); i++) {
                long v = vs.get(i);
                int e = Normalize.exponent(v, 16);
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
        try (Simulation sim = UnitSims.open(new RsqrtUnit(43), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_data"), List.of("out_r", "out_exp"), rnd, 0.1, 0.1);
            for (int i = 0; i < vs.size(); i++) {
                Factor f = Factor.inverseSqrt(vs.get(i));
                assertEquals(f.r(), got.get(i).get("out_r").longValue(), "r of " + vs.get(i));
                assertEquals(f.e(), got.get(i).get("out_exp").longValue(), "e of " + vs.get(i));
            }
            PipeRunner.assertLatency(sim, Map.of("in_data", big(1)), Latencies.NORMALIZE_SHIFT + Latencies.ISQRT + Latencies.RECIPROCAL);
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void softmaxFactorMatchesFactorReciprocal(Engine engine) {
        Random rnd = new Random(7);
        List<Long> vs = positives(rnd, 21, 600);
        try (Simulation sim = UnitSims.open(new SoftmaxFactorUnit(21), engine)) {
            var got = PipeRunner.stream(sim, items(vs, "in_den"), List.of("out_factor", "out_exp"), rnd, 0.1, 0.1);
            for (int i = 0; i < vs.size(); i++) {
                Factor f = Factor.reciprocal(vs.get(i));
                assertEquals(f.r(), got.get(i).get("out_factor").longValue(), "r of 1/" + vs.get(i));
                assertEquals(f.e(), got.get(i).get("out_exp").longValue(), "e of 1/" + vs.get(i));
            }
            PipeRunner.assertLatency(sim, Map.of("in_den", big(100)), Latencies.softmaxFactor());
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
            try (Simulation sim = UnitSims.open(new Exp2Unit(ub, mb, reg), engine)) {
                var got = PipeRunner.stream(sim, items, List.of("out_p"), rnd, 0.2, 0.2);
                for (int i = 0; i < ds.size(); i++) assertEquals(Exp2.of(ds.get(i)), got.get(i).get("out_p").longValue(), "exp2(" + ds.get(i) + ")");
                PipeRunner.assertLatency(sim, items.get(0), reg ? Latencies.EXP : Latencies.EXP - 1);
            }
        }
    }
}
