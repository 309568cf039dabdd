package defernorm.cosim.support;

import defernorm.cosim.Simulation;
import java.math.BigInteger;

/** A per-cycle {@link Simulation.Observer} reading blocks, one row per cycle in cycle order. */
final class RowObserver implements Simulation.BlockObserver, Simulation.OutputRow {
    private final BlockColumns cols;
    private final Simulation.Observer observer;
    private long[][] block;
    private int k;

    RowObserver(BlockColumns cols, Simulation.Observer observer) {
        this.cols = cols;
        this.observer = observer;
    }

    @Override public void observe(long first, int count, long[][] out) {
        block = out;
        for (k = 0; k < count; k++) observer.observe(first + k, this);
    }

    @Override public long get(int column) {
        if (cols.words(column) > 1) throw cols.readWithGetBig(column);
        return block[column][k];
    }

    @Override public BigInteger getBig(int column) {
        return LongWords.fromWords(block[column], k * cols.words(column), cols.type(column));
    }
}
