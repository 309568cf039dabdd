package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Schedule;
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
 * counts do not depend on the engine) with every cycle checked against the golden Schedule, and asserts the
 * measured latency and steady-state cycles per token equal the Schedule's.
 *
 * <pre>{@code
 * Map<Variant, MeasuredTiming> t = TopTiming.measureAll(Op.RMSNORM, new Params(64, 32, 8, 4, 0));
 * long saved = t.get(Variant.STANDARD).latency() - t.get(Variant.DEFERRED).latency();
 * }</pre>
 */
public final class TopTiming {
    /** The order tables list the variants in: matmul-only (the baseline), deferred, standard. */
    public static final List<Variant> ORDER = List.of(Variant.MATMUL, Variant.DEFERRED, Variant.STANDARD);
    /** Three tokens: the first gives the latency, the next two the steady-state spacing. */
    private static final int TOKENS = 3;

    private TopTiming() {}

    /** Measures one top and asserts it passed and matched the Schedule's latency and cycles per token. */
    public static MeasuredTiming measure(Op op, Variant variant, Params params) {
        LayerConfig cfg = RandomLayers.config(op, params, 5L);
        List<byte[]> tokens = RandomTokens.generate(params.n(), TOKENS, 9L);
        CheckResult r = Checker.check(Tops.underTest(variant, cfg), CheckPlan.free(tokens, 1L), SimOptions.builtin());
        assertTrue(r.passed(), r.summary());
        Schedule s = TopGenerator.schedule(op, variant, params);
        assertEquals(s.tokenLatency(), r.latency(), r.top() + " latency");
        assertEquals((double) s.cyclesPerToken(), r.cyclesPerToken(), 1e-9, r.top() + " cycles per token");
        return new MeasuredTiming(variant, r.latency(), r.cyclesPerToken(), s.tokenLatency(), s.cyclesPerToken());
    }

    /** {@link #measure} for each variant in {@link #ORDER}. */
    public static Map<Variant, MeasuredTiming> measureAll(Op op, Params params) {
        Map<Variant, MeasuredTiming> out = new EnumMap<>(Variant.class);
        for (Variant v : ORDER) out.put(v, measure(op, v, params));
        return out;
    }
}
