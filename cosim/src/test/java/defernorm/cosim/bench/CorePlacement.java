package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Which core simulates in each round of the co-simulation table, so that a run and the native loop beside it
 * simulate on the same core. This machine's two vCPUs are not alike: a pointer chase over 2 MiB ran up to 3.7×
 * slower on one than on the other, which one changing over seconds, and an unpinned run's ratio to the loop
 * beside it measured which core each thread got (a pipelined batch whose model thread landed on the fast core
 * while the loop ran on the slow one read 1.5–1.8, the other way round 0.5–0.6; docs/benchmarks.md, "The two
 * cores are not alike").
 *
 * <p>Each round picks a core ({@link #round}, alternating between the first two CPUs this process may use,
 * two rounds on each): the native loop runs on it, and so does whatever simulates in the run: the calling
 * thread in a single-threaded run ({@link #simulateHere}), or the model thread of an in-process batch (made by
 * {@link #modelThreads}), whose calling thread then fills and observes on the other core ({@link #simulateThere}).
 * With fewer than two CPUs, or without {@link CpuAffinity}, nothing is pinned.
 *
 * <pre>{@code
 * CorePlacement cores = CorePlacement.detect();
 * cores.round(r);
 * cores.simulateHere();   // the native loop
 * cores.simulateThere();  // a batch whose model thread comes from cores.modelThreads()
 * cores.release();
 * }</pre>
 */
final class CorePlacement {
    private final List<Integer> all;
    /** The two cores rounds alternate between, or empty. */
    private final List<Integer> cores;
    private volatile int simulating;

    private CorePlacement(List<Integer> all) {
        this.all = all;
        this.cores = all.size() >= 2 ? all.subList(0, 2) : List.of();
    }

    static CorePlacement detect() { return new CorePlacement(CpuAffinity.allowed()); }

    boolean pinned() { return !cores.isEmpty(); }

    /** The core that simulates in round {@code r}: two rounds on the first core, two on the second, and so on. */
    int round(int r) {
        if (pinned()) simulating = cores.get((r / 2) % 2);
        return simulating;
    }

    /** The calling thread simulates: it runs on this round's core. */
    void simulateHere() {
        if (pinned()) CpuAffinity.pin(simulating);
    }

    /** Another thread or process simulates: the calling thread runs on the other core. */
    void simulateThere() {
        if (pinned()) CpuAffinity.pin(cores.get(0) == simulating ? cores.get(1) : cores.get(0));
    }

    /** Model threads that run on the core of the round they start in (an in-process batch starts one per call). */
    ThreadFactory modelThreads() {
        return task -> SimOptions.DEFAULT_BATCH_THREADS.newThread(() -> {
            simulateHere();
            task.run();
        });
    }

    /** Lets the calling thread run anywhere it could before. */
    void release() {
        if (pinned()) CpuAffinity.pin(all);
    }
}
