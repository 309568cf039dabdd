package defernorm.cosim.verilator;

import defernorm.cosim.support.BlockColumns;
import defernorm.cosim.support.LongWords;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of one batch, in the two layouts the model takes them in. In-process, the shim reads and
 * writes block columns back to back in one {@code long[]} ({@link #flatten}, {@link #unflatten}: a copy per
 * column; the shim range-checks the inputs as it stores them and sign-extends the signed outputs). Isolated, the child takes packed rows (docs/cosim-protocol.md, BATCH): an input row
 * is the wire words of each input back to back, an output row likewise ({@link #pack}, {@link #unpack}:
 * one tight loop per column).
 */
final class BatchColumns {
    /** In the shim's index lists, the bit marking a signed net (kSignedNet in model_core.inc). */
    static final int SIGNED_NET = 1 << 31;

    final List<NetSpec> ins;
    final List<NetSpec> outs;
    /** The block columns (names, types, longs per cycle) of the inputs and of the outputs. */
    final BlockColumns inBlock;
    final BlockColumns outBlock;
    final int inRow;
    final int outRow;
    /** The nets' indexes in the harness's net table, in column order. */
    final int[] inIndexes;
    final int[] outIndexes;
    /** The same, with {@link #SIGNED_NET} set for a signed net: the index lists the shim's batch takes. */
    final int[] inLanes;
    final int[] outLanes;
    /** Longs per cycle of all input columns, and of all output columns (the flat buffers' sizes per cycle). */
    final int inLongs;
    final int outLongs;
    /** Where each input column starts in one cycle's longs, column after column (see {@link #hold}). */
    private final int[] inStarts;
    private final int[] inOffsets;
    private final int[] outOffsets;
    // Per-column facts as flat arrays: the loops below must not chase records or lists.
    private final int[] inWidths;
    private final int[] outWidths;
    private final boolean[] inSigned;
    private final boolean[] outSigned;

    BatchColumns(List<NetSpec> ins, List<NetSpec> outs) {
        this.ins = ins;
        this.outs = outs;
        this.inBlock = blockColumns(ins);
        this.outBlock = blockColumns(outs);
        this.inOffsets = offsets(ins);
        this.outOffsets = offsets(outs);
        this.inWidths = ins.stream().mapToInt(n -> n.type().width()).toArray();
        this.outWidths = outs.stream().mapToInt(n -> n.type().width()).toArray();
        this.inSigned = new boolean[ins.size()];
        this.outSigned = new boolean[outs.size()];
        for (int i = 0; i < ins.size(); i++) inSigned[i] = ins.get(i).type().signed();
        for (int i = 0; i < outs.size(); i++) outSigned[i] = outs.get(i).type().signed();
        this.inIndexes = indexes(ins);
        this.outIndexes = indexes(outs);
        this.inLanes = lanes(ins);
        this.outLanes = lanes(outs);
        this.inRow = rowBytes(ins);
        this.outRow = rowBytes(outs);
        this.inStarts = starts(inBlock);
        this.inLongs = inBlock.wordsPerCycle();
        this.outLongs = outBlock.wordsPerCycle();
    }

    private static int[] lanes(List<NetSpec> nets) {
        return nets.stream().mapToInt(n -> n.type().signed() ? n.index() | SIGNED_NET : n.index()).toArray();
    }

    private static int[] starts(BlockColumns block) {
        int[] s = new int[block.size()];
        for (int i = 1; i < s.length; i++) s[i] = s[i - 1] + block.words(i - 1);
        return s;
    }

    // ---- in-process: block columns back to back in one long[] (dn_batch_columns in shim.cpp) ----

    /** Sets the first {@code count} cycles of every input column to its value in {@code last} (one cycle's longs, column after column). */
    void hold(long[] last, long[][] block, int count) {
        inBlock.hold(last, inStarts, block, count);
    }

    /** Copies cycle {@code count - 1} of every input column into {@code last}. */
    void keepLast(long[][] block, int count, long[] last) {
        for (int i = 0; i < block.length; i++) {
            int w = inBlock.words(i);
            System.arraycopy(block[i], (count - 1) * w, last, inStarts[i], w);
        }
    }

    /** Copies the first {@code count} cycles of {@code block} into {@code dst}, column after column (unchecked: the shim checks them). */
    void flatten(long[][] block, int count, long[] dst) {
        for (int i = 0, at = 0; i < block.length; i++) {
            int n = count * inBlock.words(i);
            System.arraycopy(block[i], 0, dst, at, n);
            at += n;
        }
    }

    /** Copies {@code count} cycles of output columns from {@code src} (column after column, as the shim extended them) into {@code block}. */
    void unflatten(long[] src, int count, long[][] block) {
        for (int j = 0, at = 0; j < block.length; j++) {
            int n = count * outBlock.words(j);
            System.arraycopy(src, at, block[j], 0, n);
            at += n;
        }
    }

    // ---- isolated: packed rows (the BATCH command) ----

    private static BlockColumns blockColumns(List<NetSpec> nets) {
        return new BlockColumns(nets.stream().map(NetSpec::name).toList(), nets.stream().map(NetSpec::type).toList());
    }

    static int rowBytes(List<NetSpec> nets) { return nets.stream().mapToInt(NetSpec::wireBytes).sum(); }

    static int[] offsets(List<NetSpec> nets) {
        int[] o = new int[nets.size()];
        int at = 0;
        for (int i = 0; i < o.length; i++) {
            o[i] = at;
            at += nets.get(i).wireBytes();
        }
        return o;
    }

    /** The nets' indexes in the harness's net table, in column order. */
    static int[] indexes(List<NetSpec> nets) { return nets.stream().mapToInt(NetSpec::index).toArray(); }

    /** Sets the first {@code count} cycles of every input column to the input's value in the packed {@code row}. */
    void hold(byte[] row, long[][] block, int count) {
        long[] words = new long[0];
        for (int i = 0; i < block.length; i++) {
            int w = inBlock.words(i);
            if (w == 1) {
                Arrays.fill(block[i], 0, count, WireValues.decodeLong(row, inOffsets[i], ins.get(i).type()));
            } else {
                if (words.length < w) words = new long[w];
                decodeWide(row, inOffsets[i], inWidths[i], inSigned[i], words, 0);
                for (int k = 0; k < count; k++) System.arraycopy(words, 0, block[i], k * w, w);
            }
        }
    }

    /**
     * Checks the first {@code count} cycles of {@code block} (cycle {@code first} at index 0; a misfit throws
     * naming the cycle, input and value) and packs them as input rows into {@code dst} from {@code at}.
     */
    void pack(long[][] block, int count, long first, byte[] dst, int at) {
        inBlock.checkFits(block, count, first);
        for (int i = 0; i < block.length; i++) {
            long[] col = block[i];
            int width = inWidths[i];
            int off = at + inOffsets[i];
            if (width <= 32) {
                int mask = width == 32 ? -1 : (1 << width) - 1;
                for (int k = 0; k < count; k++, off += inRow) WireValues.putInt(dst, off, (int) col[k] & mask);
            } else if (width <= 64) {
                long mask = width == 64 ? -1L : (1L << width) - 1;
                for (int k = 0; k < count; k++, off += inRow) WireValues.putLong(dst, off, col[k] & mask);
            } else {
                int wire = (width + 31) / 32;
                int w = inBlock.words(i);
                int topMask = width % 32 == 0 ? -1 : (1 << (width % 32)) - 1;
                for (int k = 0; k < count; k++, off += inRow) {
                    for (int j = 0; j < wire; j++) {
                        int word = (int) (col[k * w + (j >> 1)] >>> (32 * (j & 1)));
                        WireValues.putInt(dst, off + 4 * j, j == wire - 1 ? word & topMask : word);
                    }
                }
            }
        }
    }

    /** Unpacks {@code rows} output rows of {@code src} from {@code at} into cycles {@code k0..} of {@code block}. */
    void unpack(byte[] src, int at, int rows, long[][] block, int k0) {
        for (int j = 0; j < block.length; j++) {
            long[] col = block[j];
            int width = outWidths[j];
            int off = at + outOffsets[j];
            int sh = 64 - width;
            if (width <= 32) {
                if (outSigned[j]) {
                    for (int r = 0; r < rows; r++, off += outRow) col[k0 + r] = ((long) WireValues.getInt(src, off) << sh) >> sh;
                } else {
                    for (int r = 0; r < rows; r++, off += outRow) col[k0 + r] = WireValues.getInt(src, off) & 0xFFFF_FFFFL;
                }
            } else if (width <= 64) {
                if (outSigned[j]) {
                    for (int r = 0; r < rows; r++, off += outRow) col[k0 + r] = (WireValues.getLong(src, off) << sh) >> sh;
                } else {
                    for (int r = 0; r < rows; r++, off += outRow) col[k0 + r] = WireValues.getLong(src, off);
                }
            } else {
                int w = outBlock.words(j);
                for (int r = 0; r < rows; r++, off += outRow) decodeWide(src, off, width, outSigned[j], col, (k0 + r) * w);
            }
        }
    }

    /** A net wider than 64 bits from its wire words at {@code src[off..]} into canonical longs at {@code dst[d..]}. */
    private static void decodeWide(byte[] src, int off, int width, boolean signed, long[] dst, int d) {
        int wire = (width + 31) / 32;
        int w = LongWords.count(width);
        for (int i = 0; i < w; i++) {
            long lo = WireValues.getInt(src, off + 8 * i) & 0xFFFF_FFFFL;
            long hi = 2 * i + 1 < wire ? (long) WireValues.getInt(src, off + 8 * i + 4) << 32 : 0;
            dst[d + i] = lo | hi;
        }
        dst[d + w - 1] = LongWords.norm(dst[d + w - 1], width - 64 * (w - 1), signed);
    }
}
