package defernorm.cosim.builtin;

import defernorm.cosim.Simulation.BlockObserver;
import defernorm.cosim.Simulation.BlockStimulus;
import defernorm.cosim.Simulation.InputRow;
import defernorm.cosim.Simulation.Observer;
import defernorm.cosim.Simulation.OutputRow;
import defernorm.cosim.Simulation.Stimulus;
import defernorm.cosim.builtin.NetDirectory.NetRef;
import defernorm.cosim.support.BlockColumns;
import defernorm.cosim.support.LongWords;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * One batch on the built-in engine. Its one loop is per cycle ({@link #runRows}): the stimulus writes the
 * inputs straight into the machine's state (checked as they are set), logic settles, the observer reads
 * the state, one edge. Unlike Verilator's, this engine's cycle is a Java loop over the state array, so
 * the block form is the adapter here ({@link #runBlocks}): a block's columns are filled (each first holding
 * the input's current value) and checked at its first cycle, copied in and out cycle by cycle, and
 * observed at its last cycle, before that cycle's edge. Going through columns costs the per-cycle form a
 * copy per port and cycle across hundreds of arrays on a wide design, which is why it is not the other
 * way round on this engine.
 */
final class BatchBlocks {
    /** Most cycles per block: enough that the callbacks' cost per block vanishes. */
    private static final int CYCLES = 1024;
    /** Most bytes of columns per block, so that a design with hundreds of ports keeps its block in the caches. */
    private static final int BLOCK_BYTES = 64 * 1024;

    private final BuiltinSimulation sim;
    private final long[] v;
    private final NetRef[] inRefs;
    private final NetRef[] outRefs;
    private final BlockColumns ins;
    private final BlockColumns outs;
    private final int[] inOffsets;
    private final int[] outOffsets;

    BatchBlocks(BuiltinSimulation sim, NetRef[] in, NetRef[] out) {
        this.sim = sim;
        this.v = sim.machine().v;
        this.inRefs = in;
        this.outRefs = out;
        this.ins = columns(in);
        this.outs = columns(out);
        this.inOffsets = Arrays.stream(in).mapToInt(NetRef::offset).toArray();
        this.outOffsets = Arrays.stream(out).mapToInt(NetRef::offset).toArray();
    }

    private static BlockColumns columns(NetRef[] refs) {
        return new BlockColumns(Arrays.stream(refs).map(NetRef::name).toList(), Arrays.stream(refs).map(NetRef::type).toList());
    }

    /** The engine's batch loop. */
    void runRows(long cycles, Stimulus stimulus, Observer observer) {
        Row row = new Row();
        for (long c = 0; c < cycles; c++) {
            row.cycle = c;
            if (stimulus != null) {
                stimulus.drive(c, row);
                sim.inputsChanged();
            }
            sim.settleForBatch();
            if (observer != null) observer.observe(c, row);
            sim.edgeForBatch();
        }
    }

    /** The block form over {@link #runRows}: block {@code b} is cycles {@code [b * rows, (b + 1) * rows)}. */
    void runBlocks(long cycles, BlockStimulus stimulus, BlockObserver observer) {
        int perCycle = 8 * Math.max(1, ins.wordsPerCycle() + outs.wordsPerCycle());
        int rows = (int) Math.max(1, Math.min(Math.min(CYCLES, BLOCK_BYTES / perCycle), cycles));
        long[][] in = ins.allocate(rows);
        long[][] out = outs.allocate(rows);
        Stimulus feed = stimulus == null ? null : (c, row) -> {
            int k = (int) (c % rows);
            if (k == 0) {
                int count = (int) Math.min(rows, cycles - c);
                hold(in, count);
                stimulus.fill(c, count, in);
                ins.checkFits(in, count, c);
            }
            apply(in, k);
        };
        Observer collect = observer == null ? null : (c, row) -> {
            int k = (int) (c % rows);
            record(out, k);
            long first = c - k;
            int count = (int) Math.min(rows, cycles - first);
            if (k == count - 1) observer.observe(first, count, out);
        };
        runRows(cycles, feed, collect);
    }

    /** Every cycle of the block starts with each input's current value. */
    private void hold(long[][] in, int count) {
        ins.hold(v, inOffsets, in, count);
    }

    private void apply(long[][] in, int k) {
        for (int i = 0; i < in.length; i++) {
            int w = ins.words(i);
            if (w == 1) v[inOffsets[i]] = in[i][k];
            else System.arraycopy(in[i], k * w, v, inOffsets[i], w);
        }
    }

    private void record(long[][] out, int k) {
        for (int j = 0; j < out.length; j++) {
            int w = outs.words(j);
            if (w == 1) out[j][k] = v[outOffsets[j]];
            else System.arraycopy(v, outOffsets[j], out[j], k * w, w);
        }
    }

    /** A cycle's inputs and settled outputs, read and written in the machine's state. */
    private final class Row implements InputRow, OutputRow {
        long cycle;

        @Override public void set(int column, long value) {
            if (ins.words(column) == 1) {
                if (!ins.fits(column, value)) throw ins.doesNotFit(cycle, column, value);
                v[inOffsets[column]] = value;
            } else {
                set(column, BigInteger.valueOf(value));
            }
        }

        @Override public void set(int column, BigInteger value) {
            if (value == null) {
                throw new IllegalArgumentException("batch cycle " + cycle + ": the value for input '" + ins.name(column)
                        + "' must not be null");
            }
            if (!ins.fits(column, value)) throw ins.doesNotFit(cycle, column, value);
            LongWords.toWords(value, inRefs[column].type(), v, inOffsets[column]);
        }

        @Override public long get(int column) {
            if (outs.words(column) > 1) throw outs.readWithGetBig(column);
            return v[outOffsets[column]];
        }

        @Override public BigInteger getBig(int column) { return LongWords.fromWords(v, outOffsets[column], outRefs[column].type()); }
    }
}
