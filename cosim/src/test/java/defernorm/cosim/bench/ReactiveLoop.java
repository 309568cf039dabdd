package defernorm.cosim.bench;

import defernorm.cosim.Port;
import defernorm.cosim.Simulation;
import java.util.List;

/**
 * The reactive testbench of the benchmark: every cycle Java pokes the inputs (the benchmarks' xorshift
 * stimulus) through port handles, peeks every output, checks them against the Java model, and steps one
 * cycle — what a testbench whose next input depends on an output does, with nothing streamed ahead.
 */
final class ReactiveLoop {
    private ReactiveLoop() {}

    /** Runs {@code cycles} cycles from the state {@link BenchCase#setup} leaves; returns the mismatching cycles. */
    static long run(Simulation sim, BenchCase c, long cycles, long seed) {
        List<Port> ins = c.inputs().stream().map(sim::port).toList();
        List<Port> outs = c.outputs().stream().map(sim::port).toList();
        Port[] in = ins.toArray(Port[]::new);
        Port[] out = outs.toArray(Port[]::new);
        int[] widths = c.inputWidths().stream().mapToInt(Integer::intValue).toArray();
        long[] inValues = new long[in.length];
        long[] outValues = new long[out.length];
        XorShift gen = new XorShift(seed);
        BenchCase.Model model = c.newModel();
        long mismatches = 0;
        for (long cycle = 0; cycle < cycles; cycle++) {
            for (int i = 0; i < in.length; i++) {
                inValues[i] = gen.next(widths[i]);
                in[i].poke(inValues[i]);
            }
            for (int i = 0; i < out.length; i++) outValues[i] = out[i].peekLong();
            if (!model.check(outValues)) mismatches++;
            model.advance(inValues);
            sim.step();
        }
        return mismatches;
    }
}
