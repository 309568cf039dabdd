package defernorm.testbench.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The sweep's progress on stderr: on a terminal one line rewritten in place, otherwise (a batch job's log)
 * one line per finished point. Timings appear here only, never in the point records.
 *
 * <pre>{@code SweepRunner.run(..., SweepProgress.to(err, System.console() != null, points.size())); }</pre>
 */
public final class SweepProgress implements SweepRunner.Listener {
    private final PrintWriter err;
    private final boolean inPlace;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int failed;

    private SweepProgress(PrintWriter err, boolean inPlace, int total) {
        this.err = err;
        this.inPlace = inPlace;
        this.total = total;
    }

    /** Progress of {@code total} points on {@code err}; {@code inPlace} on a terminal. */
    public static SweepProgress to(PrintWriter err, boolean inPlace, int total) {
        return new SweepProgress(err, inPlace, total);
    }

    @Override public synchronized void finished(PointResult r) {
        done++;
        if (!r.passed()) failed++;
        String line = String.format(Locale.ROOT, "sweep: %d/%d points, %d failed, %.0f s; %s %s", done, total, failed,
                (System.nanoTime() - start) / 1e9, r.point().id(), r.passed() ? "ok" : "FAILED");
        err.print(inPlace ? "\r" + line + "\033[K" + (done == total ? "\n" : "") : line + "\n");
        err.flush();
    }
}
