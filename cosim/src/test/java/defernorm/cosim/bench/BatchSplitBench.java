package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.verilator.VerilatorSimulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a batch's time goes on Verilator, one design at a time and side by side in one run: the native
 * loop, then {@code runBatch} in-process with no stimulus or observer (the engine alone), with the xorshift
 * block stimulus and a block checksum observer (the native loop's work, from Java: the bench's batch row),
 * the same with the stimulus on a third thread ({@link AheadStimulus}), the same work through the
 * per-cycle form, and the per-cycle form with the bench's full checking observer
 * (which also runs the reference model); then the block and per-cycle checksum batches on the isolated
 * model. Prints each run's rate against the native loop's and CPU time per cycle: in-process, this JVM's
 * (all threads, the model included) and the calling thread's; isolated, this JVM's, which is the Java
 * side's alone (the model runs in the child): the figures that hold up on a loaded machine.
 */
@Tag("bench")
class BatchSplitBench {
    private static final long SEED = 0x5EEDL;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir Path tmp;

    @Test void split() {
        SimOptions opts = SimOptions.verilator().withWorkDir(tmp.resolve("work"));  // the shared model cache
        long n = Long.getLong("bench.split.cycles", 2_000_000);
        for (BenchCase c : SimulatorBench.cases()) {
            try (VerilatorSimulation sim = new VerilatorSimulation(c.design(), opts);
                 VerilatorSimulation child = new VerilatorSimulation(c.design(), opts.withIsolation(true))) {
                for (int rep = 0; rep < 3; rep++) {
                    Run nat = Run.of(n, () -> sim.runNative(c.inputs(), c.outputs(), n, SEED));
                    Run bare = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, (Simulation.BlockStimulus) null, null));
                    Run block = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED),
                            new ChecksumObserver(c)));
                    Run ahead = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n,
                            new AheadStimulus(CheckingObserver.blockStimulus(c, SEED), c.inputs().size(), n), new ChecksumObserver(c)));
                    Run rows = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            checksumPerCycle(c)));
                    Run model = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            new CheckingObserver(c, SEED)));
                    Run isoBlock = Run.of(n, () -> child.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED),
                            new ChecksumObserver(c)));
                    Run isoRows = Run.of(n, () -> child.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            checksumPerCycle(c)));
                    System.out.printf(Locale.ROOT, "%-12s native %.2f M/s, JVM CPU %.0f ns/cycle | in-process x native (JVM, caller ns CPU/cycle):"
                                    + " bare %s  block+checksum %s  same, stimulus on a 3rd thread %s  per-cycle+checksum %s  per-cycle+model %s"
                                    + " | isolated, JVM ns CPU/cycle: block+checksum %.0f  per-cycle+checksum %.0f%n",
                            c.name(), nat.rate / 1e6, nat.jvm, bare.vs(nat), block.vs(nat), ahead.vs(nat), rows.vs(nat), model.vs(nat),
                            isoBlock.jvm, isoRows.jvm);
                }
            }
        }
    }

    /** The checksum observer's work through the per-cycle form. */
    private static Simulation.Observer checksumPerCycle(BenchCase c) {
        int[] w = c.outputWidths().stream().mapToInt(Integer::intValue).toArray();
        Checksum sum = new Checksum();
        return (cycle, row) -> {
            for (int i = 0; i < w.length; i++) sum.add(row.get(i), w[i]);
        };
    }

    /** One timed run: cycles per second, and CPU nanoseconds per cycle of this JVM and of the calling thread. */
    private record Run(double rate, double jvm, double caller) {
        static Run of(long n, Runnable batch) {
            long jvm0 = CpuTime.jvm();
            long caller0 = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            batch.run();
            double rate = n / ((System.nanoTime() - t) / 1e9);
            return new Run(rate, (CpuTime.jvm() - jvm0) / (double) n, (THREADS.getCurrentThreadCpuTime() - caller0) / (double) n);
        }

        String vs(Run nat) { return String.format(Locale.ROOT, "%.2f (%.0f, %.0f)", rate / nat.rate, jvm, caller); }
    }
}
