package defernorm.testbench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything the main job found: written as {@code rtl-out/report.json} by {@link ReportJson} and drawn in
 * {@code rtl-out/report.html} by {@link HtmlReport}.
 *
 * @param engine       the engine used (builtin or verilator)
 * @param engineNote   why that engine, e.g. "Verilator 5.006" or "Verilator not found: built-in engine"
 * @param seed         the stimulus seed
 * @param rows         one row per top
 * @param sweepN       latency against n (at the default C) for each variant
 * @param sweepC       latency against C (at the default n) for each variant
 * @param errors       per top name, the absolute errors vs float64 of every output lane (for histograms)
 * @param hidingLimit  H of the sweep op's deferred top at the job's shape: the largest C it hides behind the matmul
 * @param gantt        per-token timeline bars of the sweep op's standard and deferred tops (empty when their run failed)
 * @param seconds      wall time of the whole job
 */
public record RunReport(String engine, String engineNote, long seed, List<ReportRow> rows,
                        List<SweepPoint> sweepN, List<SweepPoint> sweepC, Map<String, double[]> errors,
                        long hidingLimit, List<GanttBar> gantt, double seconds) {
    public RunReport {
        rows = List.copyOf(rows);
        sweepN = List.copyOf(sweepN);
        sweepC = List.copyOf(sweepC);
        errors = Map.copyOf(errors);
        gantt = List.copyOf(gantt);
    }

    public boolean passed() { return failures() == 0; }

    /** Tops that failed, plus sweep points that failed. */
    public int failures() {
        return (int) (rows.stream().filter(r -> !r.passed()).count()
                + sweepN.stream().filter(p -> !p.passed()).count() + sweepC.stream().filter(p -> !p.passed()).count());
    }
}
