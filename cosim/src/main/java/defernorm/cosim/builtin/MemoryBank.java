package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatMemory;
import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every memory and read port of a design. Words are stored as unsigned bit patterns, {@code ceil(width / 64)}
 * longs each; a read port gives them its own signedness. An edge is {@link #sampleReads} (read-first: the
 * old words), then {@link #write}, then {@link #commitReads}. Out-of-range reads load 0, out-of-range writes
 * are ignored, and a read port whose enable is low keeps its value.
 */
final class MemoryBank {
    private final long[][] data;
    private final int[] words, depth, topBits, writeEnable, writeAddr, writeAddrWords, writeData;
    // Read ports.
    private final int[] rdMem, rdDst, rdAddr, rdAddrWords, rdEnable;
    private final boolean[] rdSigned, rdFire;
    private final long[][] rdStaged;

    /** @param oneSlot a slot that always holds 1 (stands in for a missing enable) */
    MemoryBank(SlotMap slots, List<FlatMemory> memories, int oneSlot) {
        int n = memories.size();
        data = new long[n][];
        words = new int[n]; depth = new int[n]; topBits = new int[n]; writeEnable = new int[n]; writeAddr = new int[n];
        writeAddrWords = new int[n]; writeData = new int[n];
        Map<String, Integer> index = new HashMap<>();
        Memory[] mems = new Memory[n];
        for (int i = 0; i < n; i++) {
            Memory m = memories.get(i).memory();
            mems[i] = m;
            if (m.depth() < 1) throw new IllegalArgumentException("memory '" + m.name() + "' must have a depth of at least 1");
            if (index.put(m.name(), i) != null) throw new IllegalArgumentException("the design defines memory '" + m.name() + "' twice");
            words[i] = Words.count(m.width());
            depth[i] = m.depth();
            topBits[i] = m.width() - 64 * (words[i] - 1);
            data[i] = new long[m.depth() * words[i]];
            loadInit(m, data[i], words[i]);
            if (m.wrData() == null) {
                writeEnable[i] = -1;
                continue;
            }
            if (slots.type(m.wrData()).width() != m.width()) {
                throw new IllegalArgumentException("memory '" + m.name() + "' is " + m.width() + " bits wide but its write data '"
                        + m.wrData() + "' is " + slots.type(m.wrData()));
            }
            writeEnable[i] = m.wrEnable() == null ? oneSlot : slots.offset(m.wrEnable());
            writeAddr[i] = slots.offset(m.wrAddr());
            writeAddrWords[i] = Words.count(slots.type(m.wrAddr()).width());
            writeData[i] = slots.offset(m.wrData());
        }

        List<Node.MemRead> reads = new ArrayList<>();
        for (FlatNode f : slots.representatives()) if (f.node() instanceof Node.MemRead r) reads.add(r);
        int r = reads.size();
        rdMem = new int[r]; rdDst = new int[r]; rdAddr = new int[r]; rdAddrWords = new int[r]; rdEnable = new int[r];
        rdSigned = new boolean[r]; rdFire = new boolean[r]; rdStaged = new long[r][];
        for (int i = 0; i < r; i++) {
            Node.MemRead rd = reads.get(i);
            Integer mi = index.get(rd.memory());
            if (mi == null) {
                throw new IllegalArgumentException("read port '" + rd.name() + "' (" + rd.loc() + ") reads memory '" + rd.memory()
                        + "', which the design does not define");
            }
            if (rd.type().width() != mems[mi].width()) {
                throw new IllegalArgumentException("read port '" + rd.name() + "' is " + rd.type() + " but memory '" + rd.memory()
                        + "' is " + mems[mi].width() + " bits wide");
            }
            rdMem[i] = mi;
            rdDst[i] = slots.offset(rd.name());
            rdAddr[i] = slots.offset(rd.addr());
            rdAddrWords[i] = Words.count(slots.type(rd.addr()).width());
            rdEnable[i] = RegisterBank.enableSlot(slots, rd, rd.enable(), oneSlot);
            rdSigned[i] = rd.type().signed();
            rdStaged[i] = new long[words[mi]];
        }
    }

    private static void loadInit(Memory m, long[] into, int words) {
        Type word = Type.uint(m.width());
        for (int j = 0; j < m.init().size() && j < m.depth(); j++) {
            BigInteger init = m.init().get(j);
            if (init.signum() < 0 || init.bitLength() > m.width()) {
                throw new IllegalArgumentException("initial word " + j + " of memory '" + m.name() + "' (" + init
                        + ") does not fit its " + m.width() + " bits");
            }
            Values.toWords(init, word, into, j * words);
        }
    }

    /** Reads, for every enabled port, the word its address selects (before this edge's writes). */
    void sampleReads(long[] v) {
        for (int i = 0; i < rdDst.length; i++) {
            rdFire[i] = v[rdEnable[i]] != 0;
            if (!rdFire[i]) continue;
            int m = rdMem[i];
            int nw = words[m];
            long[] s = rdStaged[i];
            long addr = Words.amount(v, rdAddr[i], rdAddrWords[i]);
            if (addr < depth[m]) {
                System.arraycopy(data[m], (int) addr * nw, s, 0, nw);
                s[nw - 1] = Words.norm(s[nw - 1], topBits[m], rdSigned[i]);
            } else {
                for (int j = 0; j < nw; j++) s[j] = 0;
            }
        }
    }

    /** Applies every enabled, in-range write. */
    void write(long[] v) {
        for (int m = 0; m < writeEnable.length; m++) {
            if (writeEnable[m] < 0 || v[writeEnable[m]] == 0) continue;
            long addr = Words.amount(v, writeAddr[m], writeAddrWords[m]);
            if (addr >= depth[m]) continue;
            int nw = words[m];
            int at = (int) addr * nw;
            System.arraycopy(v, writeData[m], data[m], at, nw);
            data[m][at + nw - 1] = Words.norm(data[m][at + nw - 1], topBits[m], false);
        }
    }

    /** Stores what the enabled read ports sampled. */
    void commitReads(long[] v) {
        for (int i = 0; i < rdDst.length; i++) {
            if (rdFire[i]) System.arraycopy(rdStaged[i], 0, v, rdDst[i], rdStaged[i].length);
        }
    }
}
