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
 * Where a checked batch's time goes on in-process Verilator, one design at a time and side by side in one
 * run: the native loop (in the shared library and in the isolated executable), then {@code runBatch} with no stimulus or observer (the engine alone), with the
 * xorshift stimulus only, with the stimulus and a checksum observer (the native loop's work, from Java),
 * and with the bench's full checking observer (which also runs the reference model). Prints a table.
 */
@Tag("bench")
class BatchSplitBench {
    private static final long SEED = 0x5EEDL;

    @TempDir Path tmp;

    @Test void split() {
        SimOptions opts = SimOptions.verilator().withWorkDir(tmp.resolve("work"));  // the shared model cache
        for (BenchCase c : SimulatorBench.cases()) {
            try (VerilatorSimulation sim = new VerilatorSimulation(c.design(), opts);
                 VerilatorSimulation child = new VerilatorSimulation(c.design(), opts.withIsolation(true))) {
                long n = 2_000_000;
                for (int rep = 0; rep < 3; rep++) {
                    double nat = sim.runNative(c.inputs(), c.outputs(), n, SEED).cyclesPerSecond();
                    double natChild = child.runNative(c.inputs(), c.outputs(), n, SEED).cyclesPerSecond();
                    System.out.printf(Locale.ROOT, "%-12s native loop: in-process library %.2f M/s, isolated executable %.2f M/s%n",
                            c.name(), nat / 1e6, natChild / 1e6);
                    double bare = rate(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, null, null));
                    double stim = rate(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED), null));
                    double sum = rate(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            checksumOnly(c)));
                    double full = rate(n, () -> sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED),
                            new CheckingObserver(c, SEED)));
                    System.out.printf(Locale.ROOT, "%-12s native %6.2f M/s | batch: bare %.2f  stimulus %.2f  +checksum %.2f  +model %.2f (x native)%n",
                            c.name(), nat / 1e6, bare / nat, stim / nat, sum / nat, full / nat);
                }
            }
        }
    }

    private static Simulation.Observer checksumOnly(BenchCase c) {
        int[] w = c.outputWidths().stream().mapToInt(Integer::intValue).toArray();
        Checksum sum = new Checksum();
        return (cycle, row) -> {
            for (int i = 0; i < w.length; i++) sum.add(row.get(i), w[i]);
        };
    }

    private static double rate(long n, Runnable r) {
        long t = System.nanoTime();
        r.run();
        return n / ((System.nanoTime() - t) / 1e9);
    }
}
