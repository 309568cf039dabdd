package defernorm.testbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.MidStreamReset;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.EdgeCases;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end suite: every one of the 9 tops, generated at small and medium configurations and several
 * C (including n not a power of two and C beyond the matmul time), co-simulated against the golden model
 * on the built-in engine, and at the medium configuration on Verilator too. Each case streams the edge
 * cases among random tokens back to back with every cycle compared, then a shorter stream with bubbles,
 * backpressure and a reset in the middle of an earlier stream.
 */
class AllTopsCosimTest {
    private static final List<Params> BUILTIN_CONFIGS = List.of(
            new Params(8, 4, 2, 2, 0),      // small, no collective latency
            new Params(24, 12, 4, 3, 3),    // n, m not powers of two
            new Params(16, 8, 4, 2, 40),    // C far beyond the matmul time (NB*G = 16)
            new Params(64, 32, 8, 4, 5));   // medium
    // the main job's default configuration, so `make test` and `make run` share Verilator builds in the cache
    private static final List<Params> VERILATOR_CONFIGS = List.of(new Params(64, 32, 8, 4, 4));
    private static final int RANDOM_TOKENS = 24;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                for (Params p : BUILTIN_CONFIGS) all.add(Arguments.of(Engine.BUILTIN, op, v, p));
                for (Params p : VERILATOR_CONFIGS) all.add(Arguments.of(Engine.VERILATOR, op, v, p));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void matchesTheGoldenModel(Engine engine, Op op, Variant variant, Params p, @TempDir Path waves) {
        Engines.assumeAvailable(engine);
        long seed = 31L * p.hashCode() + op.ordinal() * 3L + variant.ordinal();
        TopUnderTest top = Tops.underTest(variant, RandomLayers.config(op, p, seed));
        SimOptions options = SimOptions.of(engine).withWorkDir(waves.resolve("sim"));

        List<byte[]> tokens = EdgeCases.mixedWithRandom(p.n(), RANDOM_TOKENS, seed);
        CheckResult free = Checker.check(top, CheckPlan.free(tokens, seed).withWaves(waves), options);
        assertTrue(free.passed(), free::summary);
        assertTrue(free.everyCycle());
        assertEquals(tokens.size() * p.groups(), free.received().size());

        MidStreamReset cut = new MidStreamReset(RandomTokens.generate(p.n(), 3, seed + 1), p.beats() * p.groups() + 3);
        CheckResult bp = Checker.check(top, CheckPlan.free(tokens.subList(0, 12), seed)
                .withFlow(Flow.random(0.6, 0.5)).withReset(cut).withWaves(waves), options);
        assertTrue(bp.passed(), bp::summary);
        assertEquals(free.received().subList(0, 12 * p.groups()), bp.received());
    }
}
