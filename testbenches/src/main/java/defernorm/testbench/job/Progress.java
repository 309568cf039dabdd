package defernorm.testbench.job;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress bar on stderr (the progressbar library, drawn by {@link ProgressLine}), or nothing (tests,
 * pipes). Work is counted in cost units ({@link JobCost}), not steps, so the ETA follows the work.
 *
 * <pre>{@code
 * try (Progress p = Progress.onStderr(true, "run", total)) { p.doing("rmsnorm/deferred: co-simulate"); p.advance(cost); }
 * }</pre>
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) { this.bar = bar; }

    /** A bar on stderr when {@code on}, else one that draws nothing. */
    static Progress onStderr(boolean on, String task, long totalCost) {
        return on ? to(new ConsoleProgressBarConsumer(System.err), task, totalCost) : new Progress(null);
    }

    /** A bar drawn into {@code consumer} (tests capture the lines this way). */
    static Progress to(ProgressBarConsumer consumer, String task, long totalCost) {
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, totalCost))
                .setRenderer(new ProgressLine()).setConsumer(consumer).setUpdateIntervalMillis(200).build());
    }

    void doing(String what) { if (bar != null) bar.setExtraMessage(what); }

    /** Marks {@code cost} more units done. */
    void advance(long cost) { if (bar != null) bar.stepBy(cost); }

    @Override public void close() { if (bar != null) bar.close(); }
}
