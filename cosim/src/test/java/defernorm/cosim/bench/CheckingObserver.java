package defernorm.cosim.bench;

import defernorm.cosim.Simulation;

/**
 * The Java side of a checked batch: regenerates each cycle's stimulus (the same xorshift sequence the
 * writer sent), checks every output against the reference model, and folds the outputs into the native
 * loop's checksum so the batch can be compared with the native run bit for bit.
 */
final class CheckingObserver implements Simulation.Observer {
    private final BenchCase.Model model;
    private final XorShift stimulus;
    private final int[] inWidths;
    private final int[] outWidths;
    private final long[] in;
    private final long[] out;
    private final Checksum checksum = new Checksum();
    private long mismatches;
    private long firstMismatch = -1;

    CheckingObserver(BenchCase bench, long seed) {
        this.model = bench.newModel();
        this.stimulus = new XorShift(seed);
        this.inWidths = bench.inputWidths().stream().mapToInt(Integer::intValue).toArray();
        this.outWidths = bench.outputWidths().stream().mapToInt(Integer::intValue).toArray();
        this.in = new long[inWidths.length];
        this.out = new long[outWidths.length];
    }

    /** The stimulus for the writer side: a separate generator with the same seed. */
    static Simulation.Stimulus stimulus(BenchCase bench, long seed) {
        XorShift gen = new XorShift(seed);
        int[] widths = bench.inputWidths().stream().mapToInt(Integer::intValue).toArray();
        return (cycle, row) -> {
            for (int i = 0; i < widths.length; i++) row.set(i, gen.next(widths[i]));
        };
    }

    /** The same stimulus as {@link #stimulus}, a block of cycles at a time (cycle by cycle, inputs in order). */
    static Simulation.BlockStimulus blockStimulus(BenchCase bench, long seed) {
        XorShift gen = new XorShift(seed);
        int[] widths = bench.inputWidths().stream().mapToInt(Integer::intValue).toArray();
        return (first, count, in) -> {
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < widths.length; i++) in[i][k] = gen.next(widths[i]);
            }
        };
    }

    @Override public void observe(long cycle, Simulation.OutputRow row) {
        for (int i = 0; i < out.length; i++) {
            out[i] = row.get(i);
            checksum.add(out[i], outWidths[i]);
        }
        if (!model.check(out)) {
            if (firstMismatch < 0) firstMismatch = cycle;
            mismatches++;
        }
        for (int i = 0; i < in.length; i++) in[i] = stimulus.next(inWidths[i]);
        model.advance(in);
    }

    long mismatches() { return mismatches; }

    long firstMismatch() { return firstMismatch; }

    long checksum() { return checksum.value(); }
}
