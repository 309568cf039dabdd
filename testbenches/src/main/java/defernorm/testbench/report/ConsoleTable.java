package defernorm.testbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main job's table as fixed-width text.
 *
 * <pre>{@code System.out.print(ConsoleTable.render(report.rows())); }</pre>
 */
public final class ConsoleTable {
    private ConsoleTable() {}

    private static final String[] HEADER = {"op", "variant", "n", "m", "P", "Q", "C", "latency", "predicted",
            "cyc/token", "tok/cycle", "mismatches", "max err", "cells", "FFs", "result"};

    public static String render(List<ReportRow> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (ReportRow r : rows) {
            lines.add(new String[] {r.op(), r.variant(), str(r.n()), str(r.m()), str(r.p()), str(r.q()), str(r.c()),
                    r.latency() < 0 ? "-" : str(r.latency()), r.predictedLatency() < 0 ? "-" : str(r.predictedLatency()),
                    fmt("%.1f", r.cyclesPerToken()), fmt("%.4f", r.throughput()), str(r.mismatches()),
                    fmt("%.3g", r.maxAbsError()), r.cells() < 0 ? "-" : str(r.cells()), r.flipFlops() < 0 ? "-" : str(r.flipFlops()),
                    r.passed() ? "PASS" : "FAIL"});
        }
        int[] width = new int[HEADER.length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            String[] l = lines.get(k);
            for (int i = 0; i < l.length; i++) {
                boolean left = i < 2 || i == l.length - 1;
                s.append(left ? String.format("%-" + width[i] + "s", l[i]) : String.format("%" + width[i] + "s", l[i]));
                s.append(i == l.length - 1 ? "\n" : "  ");
            }
            if (k == 0) {
                int total = 0;
                for (int w : width) total += w + 2;
                s.append("-".repeat(total - 2)).append('\n');
            }
        }
        return s.toString();
    }

    private static String str(long v) { return Long.toString(v); }

    private static String fmt(String f, double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "-"; }
}
