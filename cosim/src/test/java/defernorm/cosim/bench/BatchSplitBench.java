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
 * Where a batch's and a reactive run's time goes on Verilator, one design at a time and side by side in one
 * run: the native loop, then in-process {@code runBatch} with no stimulus or observer (the engine alone),
 * with the xorshift block stimulus and a block checksum observer (the native loop's work, from Java: the
 * bench's batch row), the per-cycle form with
 * the bench's full checking observer (which also runs the reference model), the reactive loops (the
 * native loop's work through port handles, one cycle at a time: the bench's reactive row; and with the
 * reference model), then the block checksum batch on the isolated model. Prints each run's rate against
 * the native loop's and CPU time per cycle: in-process, this JVM's (all threads, the model included) and
 * the calling thread's; isolated, this JVM's, which is the Java side's alone (the model runs in the child):
 * the figures that hold up on a loaded machine. Checksums are checked against the native loop's.
 *
 * <pre>
 * mvn -B -q -o -pl cosim -am test -Dtest=BatchSplitBench -Ddefernorm.excludedGroups=none -Dgroups=bench \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.split.cycles=2000000]
 * </pre>
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
                ReactiveLoop reactive = new ReactiveLoop(sim, c);
                long[] sums = new long[2];  // the native loop's checksum, the reactive loop's
                for (int rep = 0; rep < 3; rep++) {
                    c.setup(sim);
                    Run nat = Run.of(n, () -> sums[0] = sim.runNative(c.inputs(), c.outputs(), n, SEED).checksum());
                    c.setup(sim);
                    Run bare = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, (Simulation.BlockStimulus) null, null));
                    c.setup(sim);
                    ChecksumObserver obs = new ChecksumObserver(c);
                    Run block = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED), obs));
                    if (obs.checksum() != sums[0]) throw new AssertionError(c.name() + ": batch checksum differs from the native loop's");
                    c.setup(sim);
                    Run model = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            new CheckingObserver(c, SEED)));
                    c.setup(sim);
                    Run react = Run.of(n, () -> sums[1] = reactive.checksum(n, SEED));
                    if (sums[1] != sums[0]) throw new AssertionError(c.name() + ": reactive checksum differs from the native loop's");
                    c.setup(sim);
                    Run reactModel = Run.of(n, () -> reactive.withModel(c.newModel(), n, SEED));
                    c.setup(child);
                    Run isoBlock = Run.of(n, () -> child.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED),
                            new ChecksumObserver(c)));
                    System.out.printf(Locale.ROOT, "%-12s native %.2f M/s, JVM CPU %.0f ns/cycle | in-process x native (JVM, caller ns CPU/cycle):"
                                    + " bare %s  block+checksum %s  per-cycle+model %s"
                                    + "  reactive %s  reactive+model %s | isolated, JVM ns CPU/cycle: block+checksum %.0f%n",
                            c.name(), nat.rate / 1e6, nat.jvm, bare.vs(nat), block.vs(nat), model.vs(nat),
                            react.vs(nat), reactModel.vs(nat), isoBlock.jvm);
                }
            }
        }
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
