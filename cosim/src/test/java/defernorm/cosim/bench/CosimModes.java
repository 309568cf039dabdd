package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.verilator.VerilatorSimulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The co-simulation modes side by side on one design: the native C++ loop (the ceiling, best of the
 * in-process and the isolated model), then batch and reactive runs on the built-in engine, Verilator
 * in-process and Verilator isolated. Each run lasts about {@code seconds}, sized by a short probe; the
 * best of {@code repeats} counts (the machine is shared).
 *
 * <p>Modes: {@code batch} does the native loop's own work from Java through the block form of
 * {@code runBatch} (xorshift stimulus, outputs folded into the loop's checksum, which must equal the loop's
 * over the same cycles), so its ratio measures the engine API and nothing else; {@code batch+model} also runs the Java reference model on every cycle
 * (work the native loop does not do); {@code reactive} pokes, peeks, checks against the model and steps.
 */
final class CosimModes {
    private static final long SEED = 0x5EEDL;

    private final double seconds;
    private final int repeats;
    /** The native loop's checksum by cycle count, for the design being measured. */
    private final Map<Long, Long> nativeChecksums = new HashMap<>();

    CosimModes(double seconds, int repeats) {
        this.seconds = seconds;
        this.repeats = repeats;
    }

    List<CosimRecord> measure(BenchCase c, SimOptions verilator) {
        double nativeRate = Math.max(nativeRate(c, verilator), nativeRate(c, verilator.withIsolation(true)));
        nativeChecksums.clear();
        List<CosimRecord> out = new ArrayList<>();
        for (String mode : List.of("batch", "batch+model", "reactive")) {
            out.add(run(c, mode, "builtin", () -> Simulations.open(c.design(), SimOptions.builtin()), nativeRate, verilator));
            out.add(run(c, mode, "verilator-inprocess", () -> Simulations.open(c.design(), verilator), nativeRate, verilator));
            out.add(run(c, mode, "verilator-isolated",
                    () -> Simulations.open(c.design(), verilator.withIsolation(true)), nativeRate, verilator));
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

    /** The native loop's checksum over {@code n} cycles from setup (the in-process model). */
    private long nativeChecksum(BenchCase c, SimOptions verilator, long n) {
        return nativeChecksums.computeIfAbsent(n, k -> {
            try (VerilatorSimulation sim = new VerilatorSimulation(c.design(), verilator.withIsolation(false))) {
                c.setup(sim);
                return sim.runNative(c.inputs(), c.outputs(), n, SEED).checksum();
            }
        });
    }

    private CosimRecord run(BenchCase c, String mode, String engine, Supplier<Simulation> open, double nativeRate,
                            SimOptions verilator) {
        try (Simulation sim = open.get()) {
            // Warm up (the JIT needs a few hundred thousand cycles to compile the per-cycle paths with their
            // downcalls) for at least two seconds, doubling the run until one lasts a fifth of a second.
            long probeCycles = 1_000;
            double probeRate = 0;
            long warm0 = System.nanoTime();
            for (double took = 0; took < 0.2 || System.nanoTime() - warm0 < 2_000_000_000L; probeCycles *= 2) {
                long t0 = System.nanoTime();
                once(sim, c, mode, probeCycles, -1);
                took = (System.nanoTime() - t0) / 1e9;
                probeRate = probeCycles / took;
            }
            long n = Math.max(probeCycles, Math.min(100_000_000L, (long) (probeRate * seconds)));
            double best = 0;
            boolean checked = true;
            long expected = mode.equals("batch") ? nativeChecksum(c, verilator, n) : -1;
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                checked &= once(sim, c, mode, n, expected);
                best = Math.max(best, n / ((System.nanoTime() - t) / 1e9));
            }
            return new CosimRecord(c.name(), mode, engine, best, nativeRate, n, checked);
        }
    }

    /**
     * One run of {@code n} cycles from setup; true when it checked out: no output differs from the model
     * (batch+model, reactive) or, in batch mode, the checksum is {@code expected} (-1: not checked, a probe).
     */
    private static boolean once(Simulation sim, BenchCase c, String mode, long n, long expected) {
        c.setup(sim);
        switch (mode) {
            case "reactive" -> { return ReactiveLoop.run(sim, c, n, SEED) == 0; }
            case "batch" -> {
                ChecksumObserver obs = new ChecksumObserver(c);
                sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED), obs);
                return expected == -1 || obs.checksum() == expected;
            }
            default -> {
                CheckingObserver obs = new CheckingObserver(c, SEED);
                sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED), obs);
                return obs.mismatches() == 0;
            }
        }
    }
}
