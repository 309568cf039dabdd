package defernorm.testbench.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.List;

/**
 * One end-to-end run of the Llama-scale benchmark: a top generated, configured and streamed {@link #TOKENS}
 * tokens at line rate on one engine, every cycle checked against the golden model, with what it cost.
 *
 * @param op              the operation
 * @param variant         the top's variant
 * @param params          the shape and collective latency
 * @param engine          the engine it ran on
 * @param latency         measured latency of token 0 (first input handshake to last output handshake)
 * @param scheduleLatency the Schedule's token latency for the same top
 * @param configCycles    cycles spent loading the configuration (one word a cycle)
 * @param streamCycles    cycles of the checked stream
 * @param mismatches      output beats that differ, are missing or extra (the checker's count)
 * @param wallSeconds     wall time of the run: top generation, configuration image, golden model and simulation
 * @param cpuSeconds      CPU time of the same (this JVM and the children it reaped)
 * @param peakHeapBytes   {@link HeapPeak} over the run
 * @param buildSeconds    wall time of the Verilator model build (generation and Verilog included), 0 for the built-in engine
 * @param buildCpuSeconds CPU time of that build (compilers included)
 */
record LlamaRun(Op op, Variant variant, Params params, Engine engine, long latency, long scheduleLatency, long configCycles,
                long streamCycles, int mismatches, double wallSeconds, double cpuSeconds, long peakHeapBytes,
                double buildSeconds, double buildCpuSeconds) {
    /** Tokens per run: the first gives the latency, the second makes the activation buffer swap banks once. */
    static final int TOKENS = 2;

    /** Cycles simulated after reset: the configuration load and the stream. */
    long cycles() { return configCycles + streamCycles; }

    /**
     * Runs {@code variant}'s top of {@code op} at {@code params} on {@code options}' engine. A Verilator model is
     * built first into {@code options}' cache directory (pass an empty one to time a build) and timed apart.
     */
    static LlamaRun measure(Op op, Variant variant, Params params, SimOptions options) {
        double buildWall = 0;
        double buildCpu = 0;
        if (options.engine() == Engine.VERILATOR) {
            long w0 = System.nanoTime();
            long c0 = ProcessCpu.nanos();
            try (Simulation built = undertest(op, variant, params).opener().open(options)) {
                buildWall = seconds(System.nanoTime() - w0);   // build and model start; closing is not part of it
            }
            buildCpu = seconds(ProcessCpu.nanos() - c0);
        }
        HeapPeak.reset();
        long w0 = System.nanoTime();
        long c0 = ProcessCpu.nanos();
        TopUnderTest top = undertest(op, variant, params);
        List<byte[]> tokens = RandomTokens.generate(params.n(), TOKENS, 9L);
        CheckResult r = Checker.check(top, CheckPlan.free(tokens, 1L), options);
        double wall = seconds(System.nanoTime() - w0);
        double cpu = seconds(ProcessCpu.nanos() - c0);
        long heap = HeapPeak.bytes();
        assertTrue(r.passed() && r.everyCycle(), r.summary());
        long predicted = TopGenerator.schedule(op, variant, params).tokenLatency();
        return new LlamaRun(op, variant, params, options.engine(), r.latency(), predicted, top.config().size(),
                r.streamCycles(), r.mismatches(), wall, cpu, heap, buildWall, buildCpu);
    }

    private static TopUnderTest undertest(Op op, Variant variant, Params params) {
        LayerConfig cfg = RandomLayers.config(op, params, 5L);
        return Tops.underTest(variant, cfg);
    }

    private static double seconds(long nanos) { return nanos / 1e9; }
}
