package defernorm.cosim.bench;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.cosim.verilator.VerilatorSimulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The co-simulation modes side by side on one design: batch and reactive runs on the built-in engine,
 * Verilator in-process and Verilator isolated, each against the native C++ loop (the ceiling) run
 * back to back with it on the same in-process model, in {@code rounds} rounds (the native loop first in
 * every other round). Each run lasts about {@code seconds}, sized by a probe. The ratio is the median of the
 * rounds' own ratios: this machine's speed drifts by up to 2× over seconds (the native loop alone has run
 * 2.8 M and 5.5 M cycles/s on the 16×16 array within an hour), so two runs a second apart see the same
 * machine where the best of independent runs may compare a fast moment with a slow one.
 *
 * <p>Modes: {@code batch} does the native loop's own work from Java through the block form of
 * {@code runBatch} (xorshift stimulus, outputs folded into the loop's checksum, which must equal the loop's
 * over the same cycles), so its ratio measures the engine API and nothing else; {@code reactive} does the
 * same work one cycle at a time through port handles (poke each input, peek each output, step), checked
 * the same way. {@code batch+model} and {@code reactive+model} check every output against the Java
 * reference model instead (work the native loop does not do).
 */
final class CosimModes {
    private static final long SEED = 0x5EEDL;
    static final List<String> MODES = List.of("batch", "batch+model", "reactive", "reactive+model");

    private final double seconds;
    private final int rounds;
    /** The native loop's checksum by cycle count, for the design being measured. */
    private final Map<Long, Long> nativeChecksums = new HashMap<>();

    CosimModes(double seconds, int rounds) {
        this.seconds = seconds;
        this.rounds = rounds;
    }

    List<CosimRecord> measure(BenchCase c, SimOptions verilator) {
        nativeChecksums.clear();
        List<CosimRecord> out = new ArrayList<>();
        try (VerilatorSimulation nat = new VerilatorSimulation(c.design(), verilator.withIsolation(false))) {
            c.setup(nat);
            VerilatorSimulation.NativeRun probe = nat.runNative(c.inputs(), c.outputs(), 100_000, SEED);
            NativeLoop loop = new NativeLoop(nat, c, Math.max(100_000, (long) (probe.cyclesPerSecond() * seconds)));
            for (String mode : MODES) {
                out.add(run(c, mode, "builtin", () -> Simulations.open(c.design(), SimOptions.builtin()), loop));
                out.add(run(c, mode, "verilator-inprocess", () -> Simulations.open(c.design(), verilator), loop));
                out.add(run(c, mode, "verilator-isolated",
                        () -> Simulations.open(c.design(), verilator.withIsolation(true)), loop));
            }
        }
        return out;
    }

    /** The native loop on the in-process model, run beside each measurement. */
    private record NativeLoop(VerilatorSimulation sim, BenchCase c, long cycles) {
        double rate() {
            c.setup(sim);
            return sim.runNative(c.inputs(), c.outputs(), cycles, SEED).cyclesPerSecond();
        }

        long checksum(long n) {
            c.setup(sim);
            return sim.runNative(c.inputs(), c.outputs(), n, SEED).checksum();
        }
    }

    private CosimRecord run(BenchCase c, String mode, String engine, Supplier<Simulation> open, NativeLoop loop) {
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
            List<Double> rates = new ArrayList<>(), natives = new ArrayList<>(), ratios = new ArrayList<>();
            boolean checked = true;
            long expected = mode.equals("batch") || mode.equals("reactive")
                    ? nativeChecksums.computeIfAbsent(n, loop::checksum) : -1;
            for (int r = 0; r < rounds; r++) {
                boolean nativeFirst = r % 2 == 0;
                double nat = nativeFirst ? loop.rate() : 0;
                long t = System.nanoTime();
                checked &= once(sim, c, mode, n, expected);
                double rate = n / ((System.nanoTime() - t) / 1e9);
                if (!nativeFirst) nat = loop.rate();
                rates.add(rate);
                natives.add(nat);
                ratios.add(rate / nat);
            }
            return new CosimRecord(c.name(), mode, engine, Median.of(rates), Median.of(natives), Median.of(ratios),
                    Collections.min(ratios), Collections.max(ratios), n, checked);
        }
    }

    /**
     * One run of {@code n} cycles from setup; true when it checked out: in batch and reactive mode the
     * checksum is {@code expected} (-1: not checked, a probe), in the +model modes no output differs from
     * the model.
     */
    private static boolean once(Simulation sim, BenchCase c, String mode, long n, long expected) {
        c.setup(sim);
        switch (mode) {
            case "batch" -> {
                ChecksumObserver obs = new ChecksumObserver(c);
                sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.blockStimulus(c, SEED), obs);
                return expected == -1 || obs.checksum() == expected;
            }
            case "batch+model" -> {
                CheckingObserver obs = new CheckingObserver(c, SEED);
                sim.runBatch(c.inputs(), c.outputs(), n, CheckingObserver.stimulus(c, SEED), obs);
                return obs.mismatches() == 0;
            }
            case "reactive" -> {
                long sum = new ReactiveLoop(sim, c).checksum(n, SEED);
                return expected == -1 || sum == expected;
            }
            case "reactive+model" -> { return new ReactiveLoop(sim, c).withModel(c.newModel(), n, SEED) == 0; }
            default -> throw new IllegalArgumentException("no bench mode " + mode);
        }
    }
}
