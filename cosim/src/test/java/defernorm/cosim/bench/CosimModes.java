package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.verilator.VerilatorSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The co-simulation modes side by side on one design: the native C++ loop (the ceiling, best of the
 * in-process and the isolated model), then batch and reactive runs on the built-in engine, Verilator
 * in-process and Verilator isolated. Each run lasts about {@code seconds}, sized by a short probe; the
 * best of {@code repeats} counts (the machine is shared).
 */
final class CosimModes {
    private static final long SEED = 0x5EEDL;

    private final double seconds;
    private final int repeats;

    CosimModes(double seconds, int repeats) {
        this.seconds = seconds;
        this.repeats = repeats;
    }

    List<CosimRecord> measure(BenchCase c, SimOptions verilator) {
        double nativeRate = Math.max(nativeRate(c, verilator), nativeRate(c, verilator.withIsolation(true)));
        List<CosimRecord> out = new ArrayList<>();
        for (String mode : List.of("batch", "reactive")) {
            out.add(run(c, mode, "builtin", () -> Simulations.open(c.design(), SimOptions.builtin()), nativeRate));
            out.add(run(c, mode, "verilator-inprocess", () -> Simulations.open(c.design(), verilator), nativeRate));
            out.add(run(c, mode, "verilator-isolated",
                    () -> Simulations.open(c.design(), verilator.withIsolation(true)), nativeRate));
        }
        return out;
    }

    private double nativeRate(BenchCase c, SimOptions opts) {
        try (VerilatorSimulation sim = new VerilatorSimulation(c.design(), opts)) {
            c.setup(sim);
            VerilatorSimulation.NativeRun probe = sim.runNative(c.inputs(), c.outputs(), 100_000, SEED);
            long n = Math.max(100_000, (long) (probe.cyclesPerSecond() * seconds));
            double best = 0;
            for (int r = 0; r < repeats; r++) {
                c.setup(sim);
                best = Math.max(best, sim.runNative(c.inputs(), c.outputs(), n, SEED).cyclesPerSecond());
            }
            return best;
        }
    }

    private CosimRecord run(BenchCase c, String mode, String engine, Supplier<Simulation> open, double nativeRate) {
        try (Simulation sim = open.get()) {
            // Warm up (the JIT needs a few hundred thousand cycles to compile the per-cycle paths with their
            // downcalls) for at least two seconds, doubling the run until one lasts a fifth of a second.
            long probeCycles = 1_000;
            double probeRate = 0;
            long warm0 = System.nanoTime();
            for (double took = 0; took < 0.2 || System.nanoTime() - warm0 < 2_000_000_000L; probeCycles *= 2) {
                long t0 = System.nanoTime();
                once(sim, c, mode, probeCycles);
                took = (System.nanoTime() - t0) / 1e9;
                probeRate = probeCycles / took;
            }
            long n = Math.max(probeCycles, Math.min(100_000_000L, (long) (probeRate * seconds)));
            double best = 0;
            boolean checked = true;
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                checked &= once(sim, c, mode, n) == 0;
                best = Math.max(best, n / ((System.nanoTime() - t) / 1e9));
            }
            return new CosimRecord(c.name(), mode, engine, best, nativeRate, n, checked);
        }
    }

    /** One checked run of {@code n} cycles from setup; returns the mismatching cycles. */
    private static long once(Simulation sim, BenchCase c, String mode, long n) {
        c.setup(sim);
        if (mode.equals("reactive")) return ReactiveLoop.run(sim, c, n, SEED);
        CheckingObserver obs = new CheckingObserver(c, SEED);
        sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED), obs);
        return obs.mismatches();
    }
}
