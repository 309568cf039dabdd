package defernorm.cosim.support;

import defernorm.cosim.Simulation;
import java.math.BigInteger;

/**
 * A per-cycle {@link Simulation.Stimulus} filling blocks: row {@code k} starts as a copy of row
 * {@code k - 1} (row 0 holds the block's entry values), so an input the stimulus does not set holds its
 * value. Values set as longs are checked by the engine with the whole block (the rule of {@link BlockColumns#checkFits}).
 */
final class RowStimulus implements Simulation.BlockStimulus, Simulation.InputRow {
    private final BlockColumns cols;
    private final Simulation.Stimulus stimulus;
    private long[][] block;
    private int k;
    private long cycle;

    RowStimulus(BlockColumns cols, Simulation.Stimulus stimulus) {
        this.cols = cols;
        this.stimulus = stimulus;
    }

    @Override public void fill(long first, int count, long[][] in) {
        block = in;
        for (k = 0; k < count; k++) {
            if (k > 0) holdPreviousRow();
            cycle = first + k;
            stimulus.drive(cycle, this);
        }
    }

    private void holdPreviousRow() {
        for (int i = 0; i < block.length; i++) {
            int w = cols.words(i);
            if (w == 1) block[i][k] = block[i][k - 1];
            else System.arraycopy(block[i], (k - 1) * w, block[i], k * w, w);
        }
    }

    @Override public void set(int column, long value) {
        int w = cols.words(column);
        if (w == 1) {
            block[column][k] = value;
        } else {
            long[] col = block[column];
            col[k * w] = value;
            for (int j = 1; j < w; j++) col[k * w + j] = value >> 63;  // sign-extended; the engine rejects a negative unsigned
        }
    }

    @Override public void set(int column, BigInteger value) {
        if (value == null) throw new IllegalArgumentException("batch cycle " + cycle + ": the value for input '"
                + cols.name(column) + "' must not be null");
        if (!cols.fits(column, value)) throw cols.doesNotFit(cycle, column, value);
        LongWords.toWords(value, cols.type(column), block[column], k * cols.words(column));
    }
}
