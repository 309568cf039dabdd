package defernorm.cosim.bench;

import defernorm.cosim.Port;
import defernorm.cosim.Simulation;

/**
 * The reactive testbenches of the benchmark: every cycle Java pokes the inputs through port handles,
 * peeks every output and steps one cycle, with nothing streamed ahead — what a testbench whose next input
 * depends on an output does.
 *
 * <p>{@link #checksum} does the native loop's own work that way (the xorshift stimulus, every output folded
 * into the loop's checksum, which must equal the loop's over the same cycles: bit for bit the native run),
 * so its ratio to the native loop measures the per-cycle API and nothing else: the bench's {@code reactive}
 * mode. {@link #withModel} checks the outputs against the Java reference model instead ({@code reactive+model}).
 */
final class ReactiveLoop {
    private final Simulation sim;
    private final Port[] in;
    private final Port[] out;
    private final int[] inWidths;
    private final int[] outWidths;

    /** Resolves the case's ports once. */
    ReactiveLoop(Simulation sim, BenchCase c) {
        this.sim = sim;
        this.in = c.inputs().stream().map(sim::port).toArray(Port[]::new);
        this.out = c.outputs().stream().map(sim::port).toArray(Port[]::new);
        this.inWidths = c.inputWidths().stream().mapToInt(Integer::intValue).toArray();
        this.outWidths = c.outputWidths().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Runs {@code cycles} cycles from the state {@link BenchCase#setup} leaves; returns the native loop's checksum of the outputs. */
    long checksum(long cycles, long seed) {
        XorShift gen = new XorShift(seed);
        Checksum sum = new Checksum();
        for (long cycle = 0; cycle < cycles; cycle++) {
            for (int i = 0; i < in.length; i++) in[i].poke(gen.next(inWidths[i]));
            for (int j = 0; j < out.length; j++) sum.add(out[j].peekLong(), outWidths[j]);
            sim.step();
        }
        return sum.value();
    }

    /** Runs {@code cycles} cycles from setup, checking every output against {@code model}; returns the mismatching cycles. */
    long withModel(BenchCase.Model model, long cycles, long seed) {
        XorShift gen = new XorShift(seed);
        long[] inValues = new long[in.length];
        long[] outValues = new long[out.length];
        long mismatches = 0;
        for (long cycle = 0; cycle < cycles; cycle++) {
            for (int i = 0; i < in.length; i++) {
                inValues[i] = gen.next(inWidths[i]);
                in[i].poke(inValues[i]);
            }
            for (int j = 0; j < out.length; j++) outValues[j] = out[j].peekLong();
            if (!model.check(outValues)) mismatches++;
            model.advance(inValues);
            sim.step();
        }
        return mismatches;
    }
}
