package defernorm.cosim.builtin;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cycles per second of the built-in engine in batch mode on int8 MAC arrays, with every cycle's inputs set
 * and every output read, through the per-cycle and the block form of {@code runBatch}. Tagged {@code bench}: not part of the normal test run.
 */
@Tag("bench")
class BuiltinSpeedBench {
    @Test
    void macArrays() {
        for (int[] size : new int[][] {{4, 4}, {16, 16}}) {
            Design d = MacArrays.build(size[0], size[1]);
            double[] rate = measure(d, size[0] == 4 ? 2_000_000 : 200_000);
            System.out.printf("builtin %dx%d MAC array: per-cycle form %.0f cycles/s wall clock, %.0f cycles per CPU second;"
                    + " block form %.0f, %.0f%n", size[0], size[1], rate[0], rate[1], rate[2], rate[3]);
        }
    }

    /** {wall-clock cycles/s, cycles per CPU second of this thread} of the per-cycle form, then of the block form; best of 3 runs. */
    static double[] measure(Design d, int cycles) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> ins = d.topModule().inputs().stream().map(Node.Input::name).toList();
        List<String> outs = d.topModule().outputs().stream().map(Node.Output::name).toList();
        long[][] table = new long[1024][ins.size()];
        SplittableRandom rnd = new SplittableRandom(1);
        for (long[] row : table) for (int i = 0; i < row.length; i++) row[i] = i == 0 ? 1 : rnd.nextInt(256) - 128;
        long[] sink = new long[1];
        double best = 0, bestCpu = 0, bestBlock = 0, bestBlockCpu = 0;
        try (Simulation sim = new BuiltinSimulation(d, SimOptions.builtin())) {
            sim.reset();
            List<String> cols = new ArrayList<>(ins);
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                long cpu0 = mx.getCurrentThreadCpuTime();
                sim.runBatch(cols, outs, cycles, (c, row) -> {
                    long[] r = table[(int) (c & 1023)];
                    for (int i = 0; i < r.length; i++) row.set(i, r[i]);
                }, (c, row) -> {
                    for (int o = 0; o < outs.size(); o++) sink[0] += row.get(o);
                });
                best = Math.max(best, cycles / ((System.nanoTime() - t0) / 1e9));
                bestCpu = Math.max(bestCpu, cycles / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9));
                t0 = System.nanoTime();
                cpu0 = mx.getCurrentThreadCpuTime();
                sim.runBatch(cols, outs, cycles, (first, count, in) -> {
                    for (int k = 0; k < count; k++) {
                        long[] r = table[(int) ((first + k) & 1023)];
                        for (int i = 0; i < r.length; i++) in[i][k] = r[i];
                    }
                }, (first, count, out) -> {
                    for (long[] col : out) for (int k = 0; k < count; k++) sink[0] += col[k];
                });
                bestBlock = Math.max(bestBlock, cycles / ((System.nanoTime() - t0) / 1e9));
                bestBlockCpu = Math.max(bestBlockCpu, cycles / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9));
            }
        }
        return new double[] {best, bestCpu, bestBlock, bestBlockCpu};
    }
}
