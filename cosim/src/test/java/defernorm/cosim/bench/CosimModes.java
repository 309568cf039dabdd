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
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The co-simulation modes side by side on one design: batch and reactive runs on the built-in engine,
 * Verilator in-process and Verilator isolated, each against the native C++ loop (the ceiling) run
 * back to back with it on the same in-process model, in {@code rounds} rounds (the native loop first in
 * every other round). Each run lasts about {@code seconds}, sized by a probe. The ratio is the median of the
 * rounds' own ratios: this machine's speed drifts by up to 2× over seconds, so two runs a fraction of a second
 * apart see the same machine where the best of independent runs may compare a fast moment with a slow one.
 * And its two cores are not alike, so each round simulates on one core, the native loop and the run alike
 * ({@link CorePlacement}; rounds alternate between the cores).
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
    /** The native loop's rates by core, for the design being measured. */
    private final Map<Integer, List<Double>> nativeByCore = new TreeMap<>();
    private final List<CoreSpeed> coreSpeeds = new ArrayList<>();
    private final CorePlacement cores = CorePlacement.detect();

    CosimModes(double seconds, int rounds) {
        this.seconds = seconds;
        this.rounds = rounds;
    }

    /** The native loop's speed on each core, for every design measured so far (none when nothing is pinned). */
    List<CoreSpeed> coreSpeeds() { return List.copyOf(coreSpeeds); }

    List<CosimRecord> measure(BenchCase c, SimOptions options) {
        nativeChecksums.clear();
        nativeByCore.clear();
        SimOptions verilator = options.withBatchThreads(cores.modelThreads());
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
        } finally {
            cores.release();
        }
        if (cores.pinned()) {
            nativeByCore.forEach((cpu, rates) -> coreSpeeds.add(new CoreSpeed(c.name(), cpu, Median.of(rates))));
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
        cores.release();  // an isolated model's child process inherits the affinity of the thread that starts it
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
            long n = Math.max(1_000, Math.min(100_000_000L, (long) (probeRate * seconds)));
            List<Double> rates = new ArrayList<>(), natives = new ArrayList<>(), ratios = new ArrayList<>();
            boolean checked = true;
            long expected = mode.equals("batch") || mode.equals("reactive")
                    ? nativeChecksums.computeIfAbsent(n, loop::checksum) : -1;
            boolean elsewhere = simulatesElsewhere(engine, mode);
            for (int r = 0; r < rounds; r++) {
                boolean nativeFirst = r % 2 == 0;
                int core = cores.round(r);
                double nat = nativeFirst ? nativeOn(loop) : 0;
                if (elsewhere) cores.simulateThere(); else cores.simulateHere();
                long t = System.nanoTime();
                checked &= once(sim, c, mode, n, expected);
                double rate = n / ((System.nanoTime() - t) / 1e9);
                if (!nativeFirst) nat = nativeOn(loop);
                nativeByCore.computeIfAbsent(core, k -> new ArrayList<>()).add(nat);
                rates.add(rate);
                natives.add(nat);
                ratios.add(rate / nat);
            }
            return new CosimRecord(c.name(), mode, engine, Median.of(rates), Median.of(natives), Median.of(ratios),
                    Collections.min(ratios), Collections.max(ratios), n, checked);
        }
    }

    private double nativeOn(NativeLoop loop) {
        cores.simulateHere();
        return loop.rate();
    }

    /**
     * Whether a thread or process other than the calling one simulates: the model thread of an in-process
     * batch (the calling thread fills and observes), or the child process of an isolated model (which is not
     * pinned: it starts before the rounds choose their cores; with the calling thread on the other core, the
     * scheduler mostly runs it on the round's).
     */
    private static boolean simulatesElsewhere(String engine, String mode) {
        return engine.equals("verilator-isolated") || engine.equals("verilator-inprocess") && mode.startsWith("batch");
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
