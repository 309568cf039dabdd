package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.verilator.VerilatorSimulation;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a batch's time goes on in-process Verilator, one design at a time and side by side in one run:
 * the native loop (in the shared library and in the isolated executable), then {@code runBatch} with no
 * stimulus or observer (the engine alone), with the xorshift block stimulus only, with the block stimulus
 * and a block checksum observer (the native loop's work, from Java: the bench's batch row), the same work
 * through the per-cycle form, and the per-cycle form with the bench's full checking observer (which also
 * runs the reference model). Prints the rate against the native loop's and this JVM's CPU time per cycle
 * (all threads; the native loop's own is the model's share, the rest is the Java side's).
 */
@Tag("bench")
class BatchSplitBench {
    private static final long SEED = 0x5EEDL;

    @TempDir Path tmp;

    @Test void split() {
        SimOptions opts = SimOptions.verilator().withWorkDir(tmp.resolve("work"));  // the shared model cache
        long n = Long.getLong("bench.split.cycles", 2_000_000);
        for (BenchCase c : SimulatorBench.cases()) {
            try (VerilatorSimulation sim = new VerilatorSimulation(c.design(), opts);
                 VerilatorSimulation child = new VerilatorSimulation(c.design(), opts.withIsolation(true))) {
                for (int rep = 0; rep < 3; rep++) {
                    long cpu0 = CpuTime.jvm();
                    double nat = sim.runNative(c.inputs(), c.outputs(), n, SEED).cyclesPerSecond();
                    double natCpu = (CpuTime.jvm() - cpu0) / (double) n;
                    double natChild = child.runNative(c.inputs(), c.outputs(), n, SEED).cyclesPerSecond();
                    System.out.printf(Locale.ROOT, "%-12s native loop: in-process library %.2f M/s (%.0f ns CPU/cycle), isolated executable %.2f M/s%n",
                            c.name(), nat / 1e6, natCpu, natChild / 1e6);
                    Run bare = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, (Simulation.BlockStimulus) null, null));
                    Run stim = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED), null));
                    Run sum = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED),
                            new ChecksumObserver(c)));
                    Run rows = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            checksumPerCycle(c)));
                    Run full = Run.of(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            new CheckingObserver(c, SEED)));
                    System.out.printf(Locale.ROOT, "%-12s x native (ns CPU/cycle) | block: bare %s  stimulus %s  +checksum %s"
                                    + " | per-cycle: +checksum %s  +model %s%n",
                            c.name(), bare.vs(nat), stim.vs(nat), sum.vs(nat), rows.vs(nat), full.vs(nat));
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

    /** One timed batch: cycles per second and this JVM's CPU nanoseconds per cycle. */
    private record Run(double rate, double cpuPerCycle) {
        static Run of(long n, Runnable batch) {
            long cpu0 = CpuTime.jvm();
            long t = System.nanoTime();
            batch.run();
            double rate = n / ((System.nanoTime() - t) / 1e9);
            return new Run(rate, (CpuTime.jvm() - cpu0) / (double) n);
        }

        String vs(double nativeRate) { return String.format(Locale.ROOT, "%.2f (%.0f)", rate / nativeRate, cpuPerCycle); }
    }
}
