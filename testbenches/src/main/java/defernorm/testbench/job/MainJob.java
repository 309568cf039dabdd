package defernorm.testbench.job;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.report.ConsoleTable;
import defernorm.testbench.report.GanttBar;
import defernorm.testbench.report.HtmlReport;
import defernorm.testbench.report.ReportJson;
import defernorm.testbench.report.ReportRow;
import defernorm.testbench.report.RunReport;
import defernorm.testbench.report.SweepPoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main job ({@code defernorm run}, {@code make run}): all 9 tops at one configuration, generated,
 * co-simulated against the golden model, tabulated, and reported as {@code report.json} and
 * {@code report.html} in the output folder.
 *
 * <pre>{@code
 * RunReport r = MainJob.run(settings, new PrintWriter(System.out, true));
 * System.exit(r.passed() ? 0 : 1);
 * }</pre>
 */
public final class MainJob {
    /** The variants of every op, in table order. */
    static final List<Variant> VARIANTS = List.of(Variant.STANDARD, Variant.DEFERRED, Variant.MATMUL);

    private MainJob() {}

    public static RunReport run(JobSettings s, PrintWriter out) {
        long t0 = System.nanoTime();
        out.println(s.engineNote());
        Params base = s.params();
        out.printf("Generating and co-simulating the 9 tops at n=%d m=%d P=%d Q=%d C=%d, %d random tokens each plus the edge cases, seed %d.%n",
                base.n(), base.m(), base.p(), base.q(), base.c(), s.tokens(), s.seed());
        out.flush();
        List<Integer> ns = s.sweep() ? Sweeps.nValues(base) : List.of();
        long h = Sweeps.hidingLimit(base);
        List<Integer> cs = s.sweep() ? Sweeps.cValues(h) : List.of();
        long cost = JobCost.total(s, ns, cs);
        List<ReportRow> rows = new ArrayList<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        List<SweepPoint> sweepN = new ArrayList<>();
        List<SweepPoint> sweepC = new ArrayList<>();
        List<TopJob.Outcome> outcomes = new ArrayList<>();
        List<GanttBar> gantt = new ArrayList<>();
        int synthMissing = 0;
        try (Progress progress = Progress.onStderr(s.progress(), "run", cost);
             SynthCounts synth = new SynthCounts(s.synth())) {
            for (Op op : Op.values()) {
                for (Variant v : VARIANTS) {
                    TopJob.Outcome o = TopJob.runSafely(op, v, s, synth, progress);
                    outcomes.add(o);
                    gantt.addAll(o.gantt());
                    errors.put(o.row().top(), o.errors());
                }
            }
            for (Variant v : VARIANTS) {
                for (int n : ns) {
                    progress.doing("sweep n=" + n + " " + v.name().toLowerCase());
                    sweepN.add(Sweeps.pointSafely(v, Sweeps.atN(base, n), s.seed()));
                    progress.advance(JobCost.sweepPoint(v, Sweeps.atN(base, n)));
                }
                for (int c : cs) {
                    progress.doing("sweep C=" + c + " " + v.name().toLowerCase());
                    sweepC.add(Sweeps.pointSafely(v, base.withC(c), s.seed()));
                    progress.advance(JobCost.sweepPoint(v, base.withC(c)));
                }
            }
            long deadline = System.nanoTime() + s.synthWait() * 1_000_000_000L;
            for (TopJob.Outcome o : outcomes) {
                if (synth.enabled()) progress.doing("yosys: " + o.row().op() + "/" + o.row().variant());
                SynthCounts.Counts c = SynthCounts.await(o.synth(), deadline, s.synthWait());
                if (synth.enabled() && !c.known()) synthMissing++;
                rows.add(o.row().withSynth(c.cells(), c.flipFlops(), c.note()));
            }
        }
        RunReport report = new RunReport(s.engine().name().toLowerCase(), s.engineNote(), s.seed(), rows, sweepN, sweepC, errors,
                h, gantt, (System.nanoTime() - t0) / 1e9);
        Path json = s.outDir().resolve("report.json");
        Path html = s.outDir().resolve("report.html");
        ReportJson.write(report, json);
        HtmlReport.write(report, html);
        out.println();
        out.print(ConsoleTable.render(rows));
        out.println();
        for (ReportRow r : rows) if (!r.passed()) out.println("FAIL " + r.top() + ": " + r.firstMismatch());
        for (SweepPoint p : sweepN) if (!p.passed()) out.println("FAIL sweep " + p.variant() + " n=" + p.n() + " C=" + p.c());
        for (SweepPoint p : sweepC) if (!p.passed()) out.println("FAIL sweep " + p.variant() + " n=" + p.n() + " C=" + p.c());
        if (synthMissing > 0) {
            out.println("Yosys gave no counts for " + synthMissing + " top(s): their cells are '-' (the reason is in report.html and"
                    + " report.json). Counts it finished are kept in each top's yosys-stat.json for the next run.");
        }
        out.printf("Wrote %s and %s (%.1f s).%n", json, html, report.seconds());
        out.println(report.passed() ? "PASS: all 9 tops match the golden model on every cycle."
                : "FAIL: " + report.failures() + " mismatching tops or sweep points.");
        out.flush();
        return report;
    }
}
