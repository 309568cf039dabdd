package defernorm.testbench.job;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr, or nothing (tests, pipes). */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    Progress(boolean on, String task, long steps) {
        this.bar = on ? new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build() : null;
    }

    void doing(String what) { if (bar != null) bar.setExtraMessage(what); }

    void step() { if (bar != null) bar.step(); }

    @Override public void close() { if (bar != null) bar.close(); }
}
