package defernorm.testbench.job;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * Draws the progress line at a fixed width of at most {@value #MAX_WIDTH} columns: the bar always has
 * {@value #BAR} cells and the line is padded or cut to the same length on every redraw, so nothing shrinks or
 * jumps when the message changes. The ETA extrapolates elapsed time over the remaining cost (the steps are
 * weighted by expected cost, see {@link JobCost}).
 *
 * <pre>{@code
 * ProgressLine.format("run", 45, 100, Duration.ofSeconds(90), "rmsnorm/deferred: co-simulate", 80);
 * // "run  45% [#########-----------] ETA 1:50    rmsnorm/deferred: co-simulate      " (79 columns)
 * }</pre>
 */
final class ProgressLine implements ProgressBarRenderer {
    /** Widest line drawn, even on a wide terminal: the bar does not grow with the terminal. */
    static final int MAX_WIDTH = 80;
    /** Cells of the bar itself. */
    static final int BAR = 20;

    @Override public String render(ProgressState s, int maxLength) {
        return format(s.getTaskName(), s.getCurrent(), s.getMax(), s.getElapsedAfterStart(), s.getExtraMessage(), maxLength);
    }

    /** The line for {@code current} of {@code max} cost units done after {@code elapsed}, on a terminal {@code columns} wide. */
    static String format(String task, long current, long max, Duration elapsed, String doing, int columns) {
        // one column stays free: a line filling the last column makes some terminals wrap
        int width = Math.min(columns > 0 ? columns : MAX_WIDTH, MAX_WIDTH) - 1;
        double done = max > 0 ? Math.min(1.0, Math.max(0.0, (double) current / max)) : 0;
        int filled = (int) Math.floor(done * BAR);
        String head = String.format("%s %3d%% [%s%s] %-11s ", task, (int) Math.floor(done * 100),
                "#".repeat(filled), "-".repeat(BAR - filled), eta(done, elapsed));
        return fit(head + (doing == null ? "" : doing), width);
    }

    /** "ETA m:ss" (or h:mm:ss) from the rate so far; "ETA --:--" until there is a rate to go by. */
    static String eta(double done, Duration elapsed) {
        if (done <= 0 || elapsed.toMillis() < 1000) return "ETA --:--";
        long left = Math.round(elapsed.toMillis() / 1000.0 * (1 - done) / done);
        return left >= 3600 ? String.format("ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
                : String.format("ETA %d:%02d", left / 60, left % 60);
    }

    private static String fit(String s, int width) {
        if (width <= 0) return "";
        if (s.length() <= width) return s + " ".repeat(width - s.length());
        return width <= 3 ? s.substring(0, width) : s.substring(0, width - 3) + "...";
    }
}
