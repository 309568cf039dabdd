package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.MidStreamReset;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each generated top on the built-in engine against the golden model: random tokens back to back with
 * every cycle compared with the golden Schedule, then random input bubbles and output backpressure with
 * the transaction stream compared.
 */
class TopEndToEndTest {

    static Stream<Arguments> tops() {
        // G > 1 and G = 1, NB = 1, P = 1, Q = 1, n not a power of two, C = 0 up to C = 60.
        List<Params> shapes = List.of(new Params(8, 4, 2, 2, 0), new Params(12, 6, 4, 3, 2), new Params(12, 6, 6, 1, 1),
                new Params(6, 4, 1, 4, 3), new Params(20, 8, 4, 2, 9), new Params(6, 4, 6, 2, 1), new Params(4, 4, 4, 4, 0),
                new Params(24, 8, 8, 2, 60));
        Stream.Builder<Arguments> b = Stream.builder();
        for (Op op : List.of(Op.LAYERNORM, Op.RMSNORM, Op.SOFTMAX)) {
            for (Variant v : Variant.values()) {
                for (Params p : shapes) b.add(Arguments.of(op, v, p));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("tops")
    void everyCycleMatchesTheGoldenSchedule(Op op, Variant v, Params p) {
        LayerConfig cfg = RandomLayers.config(op, p, 7L);
        List<byte[]> tokens = RandomTokens.generate(p.n(), 6, 11L);
        CheckResult r = Checker.check(Tops.underTest(v, cfg), CheckPlan.free(tokens, 1L), SimOptions.builtin());
        assertTrue(r.passed(), r.summary());
    }

    static Stream<Arguments> oneShape() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Op op : Op.values()) for (Variant v : Variant.values()) b.add(Arguments.of(op, v, new Params(12, 6, 4, 3, 2)));
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("oneShape")
    void aResetInTheMiddleOfAStreamLeavesNothingBehind(Op op, Variant v, Params p) {
        LayerConfig cfg = RandomLayers.config(op, p, 9L);
        List<byte[]> tokens = RandomTokens.generate(p.n(), 4, 13L);
        for (int cut : new int[] {5, 37}) {
            CheckPlan plan = CheckPlan.free(tokens, 4L).withReset(new MidStreamReset(RandomTokens.generate(p.n(), 3, 14L), cut));
            CheckResult r = Checker.check(Tops.underTest(v, cfg), plan, SimOptions.builtin());
            assertTrue(r.passed(), "reset after " + cut + " cycles: " + r.summary());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("tops")
    void backpressureAndBubblesKeepTheTransactionStream(Op op, Variant v, Params p) {
        LayerConfig cfg = RandomLayers.config(op, p, 8L);
        List<byte[]> tokens = RandomTokens.generate(p.n(), 6, 12L);
        CheckPlan plan = CheckPlan.free(tokens, 3L).withFlow(Flow.random(0.6, 0.5));
        CheckResult r = Checker.check(Tops.underTest(v, cfg), plan, SimOptions.builtin());
        assertTrue(r.passed(), r.summary());
    }
}
