package defernorm.cosim.verilator;

import defernorm.cosim.Simulation.InputRow;
import defernorm.cosim.Simulation.OutputRow;
import java.math.BigInteger;
import java.util.List;

/**
 * The columns of one batch and the packed row layout both modes share (docs/cosim-protocol.md, BATCH):
 * an input row is the wire words of each input back to back, an output row likewise. Gives the
 * stimulus a writer and the observer a reader over rows in a byte array.
 */
final class BatchColumns {
    final List<NetSpec> ins;
    final List<NetSpec> outs;
    final int inRow;
    final int outRow;
    /** The nets' indexes in the harness's net table, in column order. */
    final int[] inIndexes;
    final int[] outIndexes;
    private final int[] inOffsets;
    private final int[] outOffsets;
    // Per-column facts as flat arrays: the per-cycle paths below must not chase records or lists.
    private final int[] inWidths;
    private final boolean[] inSigned;
    private final int[] outWidths;
    private final boolean[] outSigned;

    BatchColumns(List<NetSpec> ins, List<NetSpec> outs) {
        this.ins = ins;
        this.outs = outs;
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
        this.inRow = rowBytes(ins);
        this.outRow = rowBytes(outs);
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

    Writer writer(byte[] buf) { return new Writer(buf); }

    Reader reader(byte[] block) { return new Reader(block); }

    /** The stimulus's view of the input row at {@code base} in {@code buf}. */
    final class Writer implements InputRow {
        private final byte[] buf;
        int base;
        long cycle;

        private Writer(byte[] buf) { this.buf = buf; }

        @Override public void set(int column, long value) {
            int w = inWidths[column];
            boolean ok = inSigned[column]
                    ? w >= 64 || (value >> (w - 1)) == 0 || (value >> (w - 1)) == -1
                    : value >= 0 && (w >= 63 || (value >>> w) == 0);
            if (!ok) {
                NetSpec n = ins.get(column);
                throw new IllegalArgumentException("batch cycle " + cycle + ": value " + value + " does not fit input "
                        + n.name() + " of type " + n.type());
            }
            if (w <= 32) {
                WireValues.putInt(buf, base + inOffsets[column], w == 32 ? (int) value : (int) value & ((1 << w) - 1));
            } else {
                WireValues.encode(value, w, buf, base + inOffsets[column]);
            }
        }

        @Override public void set(int column, BigInteger value) {
            NetSpec n = ins.get(column);
            WireValues.checkFits(n.name(), n.type(), value);
            WireValues.encode(value, n.type().width(), buf, base + inOffsets[column]);
        }
    }

    /** The observer's view of the output row at {@code base} in {@code block}. */
    final class Reader implements OutputRow {
        private final byte[] block;
        int base;

        private Reader(byte[] block) { this.block = block; }

        @Override public long get(int column) {
            int w = outWidths[column];
            if (w <= 32) {
                int v = WireValues.getInt(block, base + outOffsets[column]);
                if (outSigned[column]) return (v << (32 - w)) >> (32 - w);
                return w == 32 ? v & 0xFFFF_FFFFL : v & ((1 << w) - 1);
            }
            NetSpec n = outs.get(column);
            if (w > 64) throw new IllegalArgumentException(n.name() + " is " + w + " bits wide; read it with getBig");
            return WireValues.decodeLong(block, base + outOffsets[column], n.type());
        }

        @Override public BigInteger getBig(int column) {
            return WireValues.decode(block, base + outOffsets[column], outs.get(column).type());
        }
    }
}
