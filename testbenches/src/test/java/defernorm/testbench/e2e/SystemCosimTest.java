package defernorm.testbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.MidStreamReset;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.SystemTops;
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
 * Every op × variant as a system of T tiles (docs/system.md) against the system golden model: values of every
 * output beat and, at line rate and with random input gaps, the cycle of every handshake; then backpressure
 * with a reset in the middle of an earlier stream. T ∈ {1, 2, 4} on rings and trees with several hop
 * latencies (one with 2-flit statistics messages) on the built-in engine, and a sample on Verilator.
 */
class SystemCosimTest {
    private static final int RANDOM_TOKENS = 10;

    private record Case(Params params, SystemShape shape) {}

    private static final List<Case> BUILTIN = List.of(
            new Case(new Params(16, 8, 4, 2, 3), SystemShape.single()),                   // T = 1: the single top
            new Case(new Params(16, 8, 4, 2, 0), new SystemShape(2, Topology.RING, 0, 64)),
            new Case(new Params(32, 8, 4, 4, 0), new SystemShape(4, Topology.RING, 3, 64)),
            new Case(new Params(32, 12, 2, 3, 0), new SystemShape(4, Topology.TREE, 1, 64)),
            new Case(new Params(48, 8, 2, 4, 0), new SystemShape(3, Topology.TREE, 20, 24)),   // 2-flit messages, odd T
            new Case(new Params(16, 4, 2, 2, 0), new SystemShape(4, Topology.RING, 40, 64)));  // network far beyond the matmul
    private static final Case VERILATOR_TREE = new Case(new Params(32, 8, 4, 4, 0), new SystemShape(4, Topology.TREE, 2, 64));
    /** Links of 20 stages: memory delay lines on Verilator too. */
    private static final Case VERILATOR_RING = new Case(new Params(16, 8, 4, 4, 0), new SystemShape(2, Topology.RING, 20, 64));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                for (Case c : BUILTIN) all.add(Arguments.of(Engine.BUILTIN, op, v, c));
            }
        }
        all.add(Arguments.of(Engine.VERILATOR, Op.LAYERNORM, Variant.STANDARD, VERILATOR_TREE));
        all.add(Arguments.of(Engine.VERILATOR, Op.SOFTMAX, Variant.STANDARD, VERILATOR_TREE));
        all.add(Arguments.of(Engine.VERILATOR, Op.SOFTMAX, Variant.DEFERRED, VERILATOR_RING));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void matchesTheSystemGoldenModel(Engine engine, Op op, Variant variant, Case c, @TempDir Path waves) {
        Engines.assumeAvailable(engine);
        Params stream = SystemTops.streamParams(c.params(), c.shape());
        long seed = 17L * c.hashCode() + op.ordinal() * 3L + variant.ordinal();
        TopUnderTest top = SystemTops.underTest(variant, RandomLayers.config(op, stream, seed), c.shape());
        SimOptions options = SimOptions.of(engine).withWorkDir(waves.resolve("sim"));
        int g = stream.groups();

        List<byte[]> tokens = EdgeCases.mixedWithRandom(stream.n(), RANDOM_TOKENS, seed);
        CheckResult free = Checker.check(top, CheckPlan.free(tokens, seed).withWaves(waves), options);
        assertTrue(free.passed(), free::summary);
        assertTrue(free.everyCycle());
        assertEquals(tokens.size() * g, free.received().size());

        CheckResult gaps = Checker.check(top, CheckPlan.free(tokens.subList(0, 8), seed).withFlow(Flow.random(0.5, 1.0)).withWaves(waves), options);
        assertTrue(gaps.passed(), gaps::summary);
        assertTrue(gaps.everyCycle());

        MidStreamReset cut = new MidStreamReset(RandomTokens.generate(stream.n(), 3, seed + 1), stream.beats() * g + 5);
        CheckResult bp = Checker.check(top, CheckPlan.free(tokens.subList(0, 8), seed)
                .withFlow(Flow.random(0.6, 0.5)).withReset(cut).withWaves(waves), options);
        assertTrue(bp.passed(), bp::summary);
        assertEquals(free.received().subList(0, 8 * g), bp.received());
    }
}
