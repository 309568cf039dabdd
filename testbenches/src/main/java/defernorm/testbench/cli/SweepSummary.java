package defernorm.testbench.cli;

import defernorm.testbench.report.SystemSection;
import defernorm.testbench.sweep.PointResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The closing lines of {@code sweep} and {@code sweep merge}: the verdict, the files written, the exit code. */
final class SweepSummary {
    private SweepSummary() {}

    /** "1 point", "270 points". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Prints the verdict (naming the first failed point), writes the report when asked, returns the exit code. */
    static int print(PrintWriter out, List<PointResult> results, Path file, Path reportDir) {
        List<PointResult> failed = results.stream().filter(r -> !r.passed()).toList();
        out.printf("Wrote %s (%s).%n", file, count(results.size(), "point"));
        if (reportDir != null) out.printf("Wrote %s.%n", SystemSection.writePage(reportDir, results));
        if (failed.isEmpty()) {
            out.println("PASS: every point matches the golden model on every cycle.");
            return ExitCodes.PASS;
        }
        PointResult f = failed.get(0);
        out.printf("FAIL: %d of %d points differ from the golden model or could not run; first: %s: %s%n", failed.size(),
                results.size(), f.point().id(), f.problem());
        return ExitCodes.MISMATCH;
    }
}
