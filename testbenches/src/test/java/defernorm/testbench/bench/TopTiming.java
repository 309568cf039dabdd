package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Schedule;
import defernorm.golden.timing.Timeline;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper shared by the timing tests and benchmarks: runs a top in RTL on the built-in engine (cycle
 * counts do not depend on the engine) with every cycle checked against the golden timeline, and asserts the
 * measured latency equals the top's Schedule's and the measured spacing equals the timeline's for the same run.
 *
 * <pre>{@code
 * Map<Variant, MeasuredTiming> t = TopTiming.measureAll(Op.RMSNORM, new Params(64, 32, 8, 4, 0));
 * long saved = t.get(Variant.STANDARD).latency() - t.get(Variant.DEFERRED).latency();
 * }</pre>
 */
public final class TopTiming {
    /** The order tables list the variants in: matmul-only (the baseline), deferred, standard. */
    public static final List<Variant> ORDER = List.of(Variant.MATMUL, Variant.DEFERRED, Variant.STANDARD);
    /** Tokens back to back: the first gives the latency, the rest the spacing (two banks: an even count past the start). */
    static final int TOKENS = 6;

    private TopTiming() {}

    /** Measures one top and asserts it passed and matched its Schedule. */
    public static MeasuredTiming measure(Op op, Variant variant, Params params) {
        LayerConfig cfg = RandomLayers.config(op, params, 5L);
        List<byte[]> tokens = RandomTokens.generate(params.n(), TOKENS, 9L);
        CheckResult r = Checker.check(Tops.underTest(variant, cfg), CheckPlan.free(tokens, 1L), SimOptions.builtin());
        assertTrue(r.passed(), r.summary());
        Schedule s = TopGenerator.schedule(op, variant, params);
        assertEquals(s.tokenLatency(), r.latency(), r.top() + " latency");
        assertEquals(spacing(s.run(TOKENS, Arrivals.lineRate())), r.cyclesPerToken(), 1e-9, r.top() + " cycles per token over the run");
        return new MeasuredTiming(variant, r.latency(), r.cyclesPerToken(), s.tokenLatency(), s.cyclesPerToken());
    }

    /** The Schedule's figures alone, for shapes not simulated (latency -1 and NaN mark "not measured"). */
    public static MeasuredTiming predict(Op op, Variant variant, Params params) {
        Schedule s = TopGenerator.schedule(op, variant, params);
        return new MeasuredTiming(variant, -1, Double.NaN, s.tokenLatency(), s.cyclesPerToken());
    }

    /** {@link #measure} for each variant in {@link #ORDER}. */
    public static Map<Variant, MeasuredTiming> measureAll(Op op, Params params) {
        Map<Variant, MeasuredTiming> out = new EnumMap<>(Variant.class);
        for (Variant v : ORDER) out.put(v, measure(op, v, params));
        return out;
    }

    /** Average spacing of the tokens' last output beats, as the checker measures it. */
    private static double spacing(Timeline tl) {
        int n = tl.tokens();
        int g = tl.output()[0].length;
        return (double) (tl.output()[n - 1][g - 1] - tl.output()[0][g - 1]) / (n - 1);
    }
}
