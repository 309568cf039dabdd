package defernorm.cosim.builtin;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import defernorm.cosim.builtin.NetDirectory.NetRef;
import defernorm.cosim.support.BlockColumns;
import java.util.Arrays;

/**
 * One batch on the built-in engine, in blocks of cycles: the stimulus fills a block's input columns (each
 * first holding the input's current value), every value is checked, then each cycle copies its inputs into
 * the machine's state, settles, copies the outputs out and applies the edge. The observer reads blocks of
 * its own size before their last edge, so an observer that throws leaves the engine at its block's last
 * cycle: with one-cycle observer blocks, the per-cycle form's "stops before that cycle's edge" (its
 * stimulus still fills whole blocks, which keeps the fixed cost per block off every cycle). Both batch
 * forms run here.
 */
final class BatchBlocks {
    /** Cycles per block of a block batch: large enough that the callbacks' cost per block vanishes. */
    static final int CYCLES = 1024;

    private final BuiltinSimulation sim;
    private final long[] v;
    private final BlockColumns ins;
    private final BlockColumns outs;
    private final int[] inOffsets;
    private final int[] outOffsets;

    BatchBlocks(BuiltinSimulation sim, NetRef[] in, NetRef[] out) {
        this.sim = sim;
        this.v = sim.machine().v;
        this.ins = columns(in);
        this.outs = columns(out);
        this.inOffsets = Arrays.stream(in).mapToInt(NetRef::offset).toArray();
        this.outOffsets = Arrays.stream(out).mapToInt(NetRef::offset).toArray();
    }

    private static BlockColumns columns(NetRef[] refs) {
        return new BlockColumns(Arrays.stream(refs).map(NetRef::name).toList(), Arrays.stream(refs).map(NetRef::type).toList());
    }

    BlockColumns ins() { return ins; }

    BlockColumns outs() { return outs; }

    /**
     * Runs the batch: the stimulus fills blocks of up to {@link #CYCLES} cycles; the observer reads blocks of
     * up to {@code observeCycles}, each before its last edge.
     */
    void run(long cycles, int observeCycles, BlockStimulus stimulus, BlockObserver observer) {
        int rows = (int) Math.max(1, Math.min(CYCLES, cycles));
        long[][] in = ins.allocate(rows);
        long[][] out = outs.allocate(Math.min(rows, observeCycles));
        for (long first = 0; first < cycles; ) {
            int count = (int) Math.min(rows, cycles - first);
            if (stimulus != null) {
                hold(in, count);
                stimulus.fill(first, count, in);
                ins.checkFits(in, count, first);
            }
            for (int at = 0; at < count; ) {
                int n = Math.min(observeCycles, count - at);
                for (int k = 0; k < n; k++) {
                    if (stimulus != null) apply(in, at + k);
                    sim.settleForBatch();
                    if (observer != null) record(out, k);
                    if (k < n - 1) sim.edgeForBatch();
                }
                if (observer != null) observer.observe(first + at, n, out);
                sim.edgeForBatch();
                at += n;
            }
            first += count;
        }
    }

    /** Every cycle of the block starts with each input's current value. */
    private void hold(long[][] in, int count) {
        for (int i = 0; i < in.length; i++) {
            int w = ins.words(i);
            if (w == 1) {
                Arrays.fill(in[i], 0, count, v[inOffsets[i]]);
            } else {
                for (int k = 0; k < count; k++) System.arraycopy(v, inOffsets[i], in[i], k * w, w);
            }
        }
    }

    private void apply(long[][] in, int k) {
        for (int i = 0; i < in.length; i++) {
            int w = ins.words(i);
            if (w == 1) v[inOffsets[i]] = in[i][k];
            else System.arraycopy(in[i], k * w, v, inOffsets[i], w);
        }
        sim.inputsChanged();
    }

    private void record(long[][] out, int k) {
        for (int j = 0; j < out.length; j++) {
            int w = outs.words(j);
            if (w == 1) out[j][k] = v[outOffsets[j]];
            else System.arraycopy(v, outOffsets[j], out[j], k * w, w);
        }
    }
}
