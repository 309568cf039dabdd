package defernorm.cosim.support;

import defernorm.cosim.Simulation;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The input or the output columns of one block batch ({@link Simulation.BlockStimulus}), for the engines:
 * each column's name, type and longs per cycle ({@link LongWords} layout), the arrays a block needs, the
 * check that every input value fits (one tight loop per column), and the per-cycle
 * {@link Simulation.Stimulus}/{@link Simulation.Observer} adapted to blocks, so an engine runs one batch
 * path whichever form the caller used.
 *
 * <pre>{@code
 * BlockColumns ins = new BlockColumns(List.of("a"), List.of(Type.uint(8)));
 * long[][] block = ins.allocate(1024);
 * stimulus.fill(0, 1024, block);
 * ins.checkFits(block, 1024, 0);   // "batch cycle 7: value 256 does not fit input 'a' of UInt(8) (range 0..255)"
 * }</pre>
 */
public final class BlockColumns {
    private final String[] names;
    private final Type[] types;
    private final int[] words;

    public BlockColumns(List<String> names, List<Type> types) {
        if (names.size() != types.size()) throw new IllegalArgumentException(names.size() + " names for " + types.size() + " types");
        this.names = names.toArray(String[]::new);
        this.types = types.toArray(Type[]::new);
        this.words = types.stream().mapToInt(t -> LongWords.count(t.width())).toArray();
    }

    public int size() { return names.length; }

    public String name(int column) { return names[column]; }

    public Type type(int column) { return types[column]; }

    /** Longs per cycle in the column: 1 for a net of at most 64 bits. */
    public int words(int column) { return words[column]; }

    /** Longs per cycle over all columns. */
    public int wordsPerCycle() { return Arrays.stream(words).sum(); }

    /**
     * Sets the first {@code count} cycles of every column of {@code block} to the column's value in
     * {@code values}, whose column {@code i} starts at {@code offsets[i]} ({@link #words} longs): each input
     * holds its current value unless the stimulus writes another.
     */
    public void hold(long[] values, int[] offsets, long[][] block, int count) {
        for (int i = 0; i < block.length; i++) {
            int w = words[i];
            if (w == 1) {
                Arrays.fill(block[i], 0, count, values[offsets[i]]);
            } else {
                for (int k = 0; k < count; k++) System.arraycopy(values, offsets[i], block[i], k * w, w);
            }
        }
    }

    /** One array per column, room for {@code cycles} cycles. */
    public long[][] allocate(int cycles) {
        long[][] block = new long[names.length][];
        for (int i = 0; i < block.length; i++) block[i] = new long[cycles * words[i]];
        return block;
    }

    /**
     * Throws an {@link IllegalArgumentException} naming the first cycle, input and value that does not fit
     * its type, among the first {@code count} cycles of {@code block} (cycle {@code first} at index 0): the
     * earliest such cycle, and in it the first such input, as engines that check while they store report it.
     */
    public void checkFits(long[][] block, int count, long first) {
        int earliest = count;
        for (int i = 0; i < names.length; i++) {
            int w = words[i];
            int topBits = types[i].width() - 64 * (w - 1);
            if (topBits == 64) continue;  // every pattern of the top long is a value
            long[] col = block[i];
            int sh = 64 - topBits;
            long bad = 0;
            if (w == 1 && types[i].signed()) {
                for (int k = 0; k < count; k++) bad |= ((col[k] << sh) >> sh) ^ col[k];
            } else if (w == 1) {
                for (int k = 0; k < count; k++) bad |= col[k] >>> topBits;
            } else {
                for (int k = w - 1; k < count * w; k += w) bad |= LongWords.norm(col[k], topBits, types[i].signed()) ^ col[k];
            }
            if (bad != 0) earliest = Math.min(earliest, firstMisfit(i, col, earliest));
        }
        if (earliest < count) throw misfitAt(block, earliest, first + earliest);
    }

    /** The first cycle before {@code before} at which column {@code column} holds a value that does not fit, or {@code before}. */
    private int firstMisfit(int column, long[] col, int before) {
        for (int k = 0; k < before; k++) {
            if (!fitsAt(column, col, k)) return k;
        }
        return before;
    }

    private boolean fitsAt(int column, long[] col, int k) {
        int w = words[column];
        int topBits = types[column].width() - 64 * (w - 1);
        long top = col[k * w + w - 1];
        return LongWords.norm(top, topBits, types[column].signed()) == top;
    }

    /**
     * The error for row {@code k} of {@code block}, which holds a value that does not fit (found by an engine
     * that checks values as it stores them): it names the first input of that row whose value does not fit,
     * and {@code cycle}.
     */
    public IllegalArgumentException misfitAt(long[][] block, int k, long cycle) {
        for (int i = 0; i < names.length; i++) {
            if (fitsAt(i, block[i], k)) continue;
            int w = words[i];
            Object value = w == 1 ? (Object) block[i][k] : LongWords.signedValue(block[i], k * w, w);
            return doesNotFit(cycle, i, value);
        }
        throw new IllegalStateException("no misfit in batch cycle " + cycle);
    }

    /** "batch cycle 7: value 256 does not fit input 'a' of UInt(8) (range 0..255)". */
    public IllegalArgumentException doesNotFit(long cycle, int column, Object value) {
        return new IllegalArgumentException("batch cycle " + cycle + ": "
                + NetErrors.doesNotFit(names[column], types[column], value).getMessage());
    }

    /** The per-cycle stimulus as a block stimulus over these (input) columns; null stays null. */
    public Simulation.BlockStimulus perCycle(Simulation.Stimulus stimulus) {
        return stimulus == null ? null : new RowStimulus(this, stimulus);
    }

    /** The per-cycle observer as a block observer over these (output) columns; null stays null. */
    public Simulation.BlockObserver perCycle(Simulation.Observer observer) {
        return observer == null ? null : new RowObserver(this, observer);
    }

    /** "'wide' is 512 bits wide; read it with getBig": a per-cycle observer asked for a wide output as a long. */
    public IllegalArgumentException readWithGetBig(int column) {
        return new IllegalArgumentException("'" + names[column] + "' is " + types[column].width() + " bits wide; read it with getBig");
    }

    /** Whether {@code value} is a value of column {@code column}, a net of at most 64 bits (the rule of {@link #checkFits}). */
    public boolean fits(int column, long value) {
        int bits = types[column].width();
        return bits == 64 || LongWords.norm(value, bits, types[column].signed()) == value;
    }

    /** Whether {@code value} lies in column {@code column}'s range. */
    public boolean fits(int column, BigInteger value) {
        Type t = types[column];
        return t.signed() ? value.bitLength() < t.width() : value.signum() >= 0 && value.bitLength() <= t.width();
    }
}
