package defernorm.testbench.cli;

import defernorm.accel.system.SystemLimits;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Params;
import defernorm.golden.system.SystemShape;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.SystemTops;
import defernorm.testbench.stimulus.EdgeCases;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defernorm cosim}: one top against the golden model, random tokens plus the directed edge cases. */
@Command(name = "cosim", mixinStandardHelpOptions = true,
        description = {"Co-simulate one top against the golden model with a random configuration, the directed edge-case "
                + "tokens and random tokens. While the sink is always ready (--output-ready 1, the default) every cycle is compared "
                + "with the golden timeline, with random input gaps too when --input-valid is below 1; with --output-ready below 1 "
                + "the transaction stream and the AXI4-Stream rules are.",
                "Exit code 0 when the top matches, 1 on a mismatch (the first one is printed with a waveform window), 2 on bad input."},
        footer = {"", "Example: defernorm cosim --op softmax --variant deferred -n 32 -m 16 -P 4 -Q 4 --tokens 100 --engine builtin",
                "         defernorm cosim --op rmsnorm --variant deferred -n 256 -m 32 -P 4 -Q 4 --tiles 4 --topology tree --hop-latency 10"})
final class CosimCommand implements Callable<Integer> {
    @Mixin TopOptions top;
    @Mixin EngineOption engine;
    @Mixin SystemOptions system;

    @Option(names = "--tokens", paramLabel = "COUNT", defaultValue = "200", description = "Random tokens (after the edge cases). Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the configuration, the tokens and the flow patterns. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--wave", paramLabel = "FILE", description = "Write a VCD waveform of the whole checked stream to FILE.")
    Path wave;

    @Option(names = "--wave-dir", paramLabel = "DIR", defaultValue = "rtl-out/waves",
            description = "Where the waveform window around a first mismatch goes. Default: ${DEFAULT-VALUE}.")
    Path waveDir;

    @Option(names = "--input-valid", paramLabel = "PROB", defaultValue = "1.0",
            description = "Chance the source offers a beat on a cycle (below 1: random input bubbles). Default: ${DEFAULT-VALUE}.")
    double inputValid;

    @Option(names = "--output-ready", paramLabel = "PROB", defaultValue = "1.0",
            description = "Chance the sink is ready on a cycle (below 1: random backpressure). Default: ${DEFAULT-VALUE}.")
    double outputReady;

    @Option(names = "--no-edge-cases", description = "Stream only random tokens.")
    boolean noEdgeCases;

    @Option(names = "--isolate", description = "Verilator: run the model in a child process (a crash or hang "
            + "cannot take the JVM down; slower). Default: in-process.")
    boolean isolate;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (tokens < 0) throw new UserError("--tokens must be at least 0, got " + tokens + ".");
        if (!(inputValid > 0 && inputValid <= 1) || !(outputReady > 0 && outputReady <= 1)) {
            throw new UserError("--input-valid and --output-ready must be probabilities in (0, 1].");
        }
        SystemShape shape = system.shape();
        Params sysParams = top.params(system);
        SystemLimits.check(top.op(), top.variant(), sysParams, shape);
        Params params = SystemTops.streamParams(sysParams, shape);
        PrintWriter out = spec.commandLine().getOut();
        EngineProbe.Choice choice = engine.resolve();
        if (isolate && choice.engine() != Engine.VERILATOR) {
            throw new UserError("--isolate needs the Verilator engine; the built-in engine always runs in-process.");
        }
        out.println(choice.note() + (isolate ? " (isolated: model in a child process)" : ""));
        LayerConfig cfg = RandomLayers.config(top.op(), params, seed);
        TopUnderTest dut = SystemTops.underTest(top.variant(), cfg, shape);
        var stream = noEdgeCases ? RandomTokens.generate(params.n(), tokens, seed)
                : EdgeCases.mixedWithRandom(params.n(), tokens, seed);
        if (stream.isEmpty()) throw new UserError("nothing to stream: give --tokens above 0 or drop --no-edge-cases.");
        CheckPlan plan = CheckPlan.free(stream, seed).withFlow(new Flow(inputValid, outputReady)).withWaves(waveDir);
        if (wave != null) plan = plan.withFullWave(Files2.parentReady(wave));
        CheckResult r = Checker.check(dut, plan, SimOptions.of(choice.engine()).withIsolation(isolate));
        out.println(r.summary());
        if (r.passed() && r.latency() >= 0) {
            out.printf("measured latency %d cycles, %.2f cycles/token%n", r.latency(), r.cyclesPerToken());
        }
        return r.passed() ? ExitCodes.PASS : ExitCodes.MISMATCH;
    }
}
