package defernorm.testbench.job;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Schedule;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.MidStreamReset;
import defernorm.testbench.check.OutputBeat;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.GeneratedTop;
import defernorm.testbench.dut.LayerProblem;
import defernorm.testbench.dut.Problems;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.report.GanttBar;
import defernorm.testbench.report.ReportRow;
import defernorm.testbench.stimulus.EdgeCases;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The main job for one top: generate it, count its cells, co-simulate the directed edge cases and random
 * tokens with every cycle compared, then a shorter stream with input gaps (every cycle compared against the
 * golden timeline of those arrivals) and one with gaps, backpressure and a reset in the middle (transactions
 * and stream rules), and measure the error of its dequantized outputs against float64.
 */
final class TopJob {
    /** Tokens of the input-gap and backpressure runs, as a fraction of the main run (at least 8). */
    static final int BACKPRESSURE_DIVISOR = 4;

    private TopJob() {}

    /** The row (cells still to come from {@code synth}), the error samples and the per-token timeline bars (sweep op only). */
    record Outcome(ReportRow row, double[] errors, CompletableFuture<SynthCounts.Counts> synth, List<GanttBar> gantt) {}

    /**
     * {@link #run}, but a top that cannot be generated or simulated becomes a failed row naming the problem
     * instead of ending the whole job.
     */
    static Outcome runSafely(Op op, Variant variant, JobSettings s, SynthCounts synth, Progress progress) {
        try {
            return run(op, variant, s, synth, progress);
        } catch (RuntimeException e) {
            Params p = s.params();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            ReportRow row = new ReportRow(op.name().toLowerCase(), variant.name().toLowerCase(),
                    op.name().toLowerCase() + "/" + variant.name().toLowerCase(), p.n(), p.m(), p.p(), p.q(), p.c(), 0, -1,
                    TopGenerator.schedule(op, variant, p).tokenLatency(), Double.NaN, 0, Double.NaN, Double.NaN, -1, -1,
                    "could not generate or simulate: " + why, "");
            return new Outcome(row, new double[0], CompletableFuture.completedFuture(SynthCounts.Counts.missing("the top was not generated")),
                    List.of());
        }
    }

    static Outcome run(Op op, Variant variant, JobSettings s, SynthCounts synth, Progress progress) {
        Params params = s.params();
        String label = op.name().toLowerCase() + "/" + variant.name().toLowerCase();
        progress.doing(label + ": generate");
        GeneratedTop g = Tops.generate(op, variant, params, s.outDir());
        CompletableFuture<SynthCounts.Counts> counts = synth.submit(g);
        progress.advance(JobCost.GENERATE);

        progress.doing(label + ": co-simulate");
        LayerProblem random = Problems.random(op, params, s.tokens(), s.seed());
        List<byte[]> all = new ArrayList<>(EdgeCases.tokens(params.n()));
        int edges = all.size();
        all.addAll(random.tokens());
        LayerProblem problem = Problems.withTokens(random, all);
        TopUnderTest top = Tops.underTest(variant, problem.quantized().config());
        SimOptions options = SimOptions.of(s.engine()).withWorkDir(s.outDir().resolve("sim"));
        CheckResult free = Checker.check(top, CheckPlan.free(all, s.seed()).withWaves(s.outDir().resolve("waves")), options);
        progress.advance(JobCost.lineRate(op, variant, s));

        List<byte[]> some = all.subList(0, JobCost.shortRunTokens(all.size()));
        progress.doing(label + ": input gaps");
        CheckResult gaps = Checker.check(top, CheckPlan.free(some, s.seed()).withFlow(Flow.random(0.7, 1.0))
                .withWaves(s.outDir().resolve("waves")), options);
        progress.doing(label + ": backpressure");
        MidStreamReset cut = new MidStreamReset(RandomTokens.generate(params.n(), 3, s.seed() + 1), 2 * params.beats() * params.groups());
        CheckResult bp = Checker.check(top, CheckPlan.free(some, s.seed()).withFlow(Flow.random(0.7, 0.6)).withReset(cut)
                .withWaves(s.outDir().resolve("waves")), options);
        progress.advance(JobCost.gapsAndBackpressure(op, variant, s));

        double[] errors = errors(problem, variant, free.received(), params);
        double maxAbs = Double.NaN;
        double maxRel = Double.NaN;
        if (errors != null) {
            maxAbs = 0;
            maxRel = 0;
            for (int t = 0; t < Math.min(all.size(), free.received().size() / params.groups()); t++) {
                double[] ref = problem.reference(t);
                double refMax = 0;
                for (double v : ref) refMax = Math.max(refMax, Math.abs(v));
                for (int j = 0; j < params.m(); j++) {
                    double e = errors[t * params.m() + j];
                    maxAbs = Math.max(maxAbs, e);
                    if (refMax > 0) maxRel = Math.max(maxRel, e / refMax);
                }
            }
        }
        String first = !free.passed() ? free.firstMismatch().describe()
                : !gaps.passed() ? "with input gaps: " + gaps.firstMismatch().describe()
                : !bp.passed() ? "with backpressure: " + bp.firstMismatch().describe() : "";
        Schedule schedule = TopGenerator.schedule(op, variant, params);
        ReportRow row = new ReportRow(op.name().toLowerCase(), variant.name().toLowerCase(), g.name(), params.n(), params.m(),
                params.p(), params.q(), params.c(), all.size(), free.latency(), schedule.tokenLatency(), free.cyclesPerToken(),
                free.mismatches() + gaps.mismatches() + bp.mismatches(), maxAbs, maxRel, -1, -1, first, "");
        List<GanttBar> gantt = op == Sweeps.OP && variant != Variant.MATMUL ? TokenGantt.bars(free, schedule) : List.of();
        return new Outcome(row, errors == null ? new double[0] : errors, counts, gantt);
    }

    /** Absolute errors of every output lane of every delivered token, or null for matmul-only. */
    private static double[] errors(LayerProblem problem, Variant variant, List<OutputBeat> received, Params params) {
        if (variant == Variant.MATMUL) return null;
        int g = params.groups();
        int q = params.q();
        int tokens = Math.min(problem.tokens().size(), received.size() / g);
        double[] out = new double[tokens * params.m()];
        for (int t = 0; t < tokens; t++) {
            long[] lanes = new long[params.m()];
            for (int b = 0; b < g; b++) System.arraycopy(received.get(t * g + b).lanes(), 0, lanes, b * q, q);
            System.arraycopy(problem.absErrors(variant, t, lanes), 0, out, t * params.m(), params.m());
        }
        return out;
    }
}
