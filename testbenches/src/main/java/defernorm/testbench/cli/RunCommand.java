package defernorm.testbench.cli;

import defernorm.accel.tops.TopLimits;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.testbench.job.JobSettings;
import defernorm.testbench.job.MainJob;
import defernorm.testbench.report.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code defernorm run}: the main job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The main job: generate all 9 tops (layernorm, rmsnorm, softmax x standard, deferred, matmul) at one "
                + "configuration into OUT/, co-simulate the edge cases and random tokens through each against the golden model "
                + "(every cycle compared, at line rate and with random input gaps; then gaps, backpressure and a reset mid-stream), print the table and write "
                + "OUT/report.json and OUT/report.html.",
                "Uses Verilator when installed, else the built-in engine (the first line says which). "
                + "Exit code 0 when every top matches, 1 on any mismatch, 2 on bad input."})
final class RunCommand implements Callable<Integer> {
    @Mixin ShapeOptions shape;
    @Mixin EngineOption engine;

    @Option(names = "--tokens", paramLabel = "COUNT", defaultValue = "300", description = "Random tokens per top. Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "rtl-out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--no-synth", description = "Skip the yosys cell and flip-flop counts.")
    boolean noSynth;

    @Option(names = "--synth-wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "Once the simulations are done, how long to wait for yosys counts still running. Default: ${DEFAULT-VALUE}.")
    int synthWait;

    @Option(names = "--no-sweep", description = "Skip the latency sweeps over n and C (the plots).")
    boolean noSweep;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (tokens < 1) throw new UserError("--tokens must be at least 1, got " + tokens + ".");
        if (synthWait < 0) throw new UserError("--synth-wait must be at least 0 seconds, got " + synthWait + ".");
        var params = shape.params();
        // every top's size limits before anything is generated, so a too-large shape is one sentence, not 9 failed rows
        for (Op op : Op.values()) for (Variant v : Variant.values()) TopLimits.check(op, v, params);
        EngineProbe.Choice choice = engine.resolve();
        Files2.dir(out);
        // isTerminal: since JDK 22 System.console() is non-null even when the output is piped
        boolean progress = !noProgress && System.console() != null && System.console().isTerminal();
        JobSettings s = new JobSettings(params, tokens, seed, out, choice.engine(), choice.note(), !noSynth, synthWait, !noSweep, progress);
        RunReport r = MainJob.run(s, spec.commandLine().getOut());
        return r.passed() ? ExitCodes.PASS : ExitCodes.MISMATCH;
    }
}
