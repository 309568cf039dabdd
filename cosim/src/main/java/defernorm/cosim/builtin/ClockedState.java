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
 * Registers and memories, compiled to index tables. {@link #edge} applies one rising clock edge: every
 * register and read port samples its inputs before anything is committed (so register-to-register paths
 * and read-first memories behave like non-blocking assignments), then memory writes land, then the sampled
 * values are committed.
 */
final class ClockedState {
    // Registers of at most 64 bits.
    private final int[] rSlot, rNext, rEn;
    private final boolean[] rHasReset;
    private final long[] rReset, rStaged;
    // Wider registers.
    private final int[] wSlot, wNext, wEn, wWords;
    private final long[][] wReset, wStaged;
    // Memory read ports.
    private final int[] mrMem, mrDst, mrAddr, mrAddrWords, mrEn, mrWords, mrTopBits;
    private final boolean[] mrSigned, mrFire;
    private final long[][] mrStaged;
    // Memories.
    final long[][] memData;
    final Memory[] memories;
    private final int[] memWords, memDepth, memWe, memAddr, memAddrWords, memWrData, memTopBits;
    private final int rstSlot;

    /**
     * @param oneSlot a slot that always holds 1 (stands in for a missing enable)
     * @param rstSlot the slot of {@code rst}, or -1 for an unclocked design
     */
    ClockedState(SlotMap slots, List<FlatMemory> flatMemories, int oneSlot, int rstSlot) {
        this.rstSlot = rstSlot;
        List<Node.Reg> narrow = new ArrayList<>(), wide = new ArrayList<>();
        List<Node.MemRead> reads = new ArrayList<>();
        for (FlatNode f : slots.representatives()) {
            if (f.node() instanceof Node.Reg r) (r.type().width() <= 64 ? narrow : wide).add(r);
            if (f.node() instanceof Node.MemRead m) reads.add(m);
        }
        int nr = narrow.size();
        rSlot = new int[nr]; rNext = new int[nr]; rEn = new int[nr]; rHasReset = new boolean[nr];
        rReset = new long[nr]; rStaged = new long[nr];
        for (int i = 0; i < nr; i++) {
            Node.Reg r = narrow.get(i);
            checkType(slots, r, r.next(), r.type());
            rSlot[i] = slots.offset(r.name());
            rNext[i] = slots.offset(r.next());
            rEn[i] = enableSlot(slots, r, r.enable(), oneSlot);
            rHasReset[i] = r.reset() != null;
            if (r.reset() != null) rReset[i] = resetWords(r)[0];
        }
        int nw = wide.size();
        wSlot = new int[nw]; wNext = new int[nw]; wEn = new int[nw]; wWords = new int[nw];
        wReset = new long[nw][]; wStaged = new long[nw][];
        for (int i = 0; i < nw; i++) {
            Node.Reg r = wide.get(i);
            checkType(slots, r, r.next(), r.type());
            wSlot[i] = slots.offset(r.name());
            wNext[i] = slots.offset(r.next());
            wEn[i] = enableSlot(slots, r, r.enable(), oneSlot);
            wWords[i] = Words.count(r.type().width());
            wReset[i] = r.reset() == null ? null : resetWords(r);
            wStaged[i] = new long[wWords[i]];
        }

        int nm = flatMemories.size();
        memories = new Memory[nm];
        memData = new long[nm][];
        memWords = new int[nm]; memDepth = new int[nm]; memWe = new int[nm]; memAddr = new int[nm];
        memAddrWords = new int[nm]; memWrData = new int[nm]; memTopBits = new int[nm];
        Map<String, Integer> memIndex = new HashMap<>();
        for (int i = 0; i < nm; i++) {
            Memory m = flatMemories.get(i).memory();
            if (m.depth() < 1) throw new IllegalArgumentException("memory '" + m.name() + "' must have a depth of at least 1");
            if (memIndex.put(m.name(), i) != null) throw new IllegalArgumentException("the design defines memory '" + m.name() + "' twice");
            memories[i] = m;
            memWords[i] = Words.count(m.width());
            memDepth[i] = m.depth();
            memTopBits[i] = m.width() - 64 * (memWords[i] - 1);
            memData[i] = new long[m.depth() * memWords[i]];
            Type word = Type.uint(m.width());
            for (int j = 0; j < m.init().size() && j < m.depth(); j++) {
                BigInteger init = m.init().get(j);
                if (init.signum() < 0 || init.bitLength() > m.width()) {
                    throw new IllegalArgumentException("initial word " + j + " of memory '" + m.name() + "' (" + init
                            + ") does not fit its " + m.width() + " bits");
                }
                Values.toWords(init, word, memData[i], j * memWords[i]);
            }
            if (m.wrData() == null) {
                memWe[i] = -1;
            } else {
                memWe[i] = m.wrEnable() == null ? oneSlot : slots.offset(m.wrEnable());
                memAddr[i] = slots.offset(m.wrAddr());
                memAddrWords[i] = Words.count(slots.type(m.wrAddr()).width());
                memWrData[i] = slots.offset(m.wrData());
                if (slots.type(m.wrData()).width() != m.width()) {
                    throw new IllegalArgumentException("memory '" + m.name() + "' is " + m.width() + " bits wide but its write data '"
                            + m.wrData() + "' is " + slots.type(m.wrData()));
                }
            }
        }

        int nrd = reads.size();
        mrMem = new int[nrd]; mrDst = new int[nrd]; mrAddr = new int[nrd]; mrAddrWords = new int[nrd];
        mrEn = new int[nrd]; mrWords = new int[nrd]; mrTopBits = new int[nrd]; mrSigned = new boolean[nrd];
        mrFire = new boolean[nrd];
        mrStaged = new long[nrd][];
        for (int i = 0; i < nrd; i++) {
            Node.MemRead r = reads.get(i);
            Integer mi = memIndex.get(r.memory());
            if (mi == null) {
                throw new IllegalArgumentException("read port '" + r.name() + "' (" + r.loc() + ") reads memory '" + r.memory()
                        + "', which the design does not define");
            }
            if (r.type().width() != memories[mi].width()) {
                throw new IllegalArgumentException("read port '" + r.name() + "' is " + r.type() + " but memory '" + r.memory()
                        + "' is " + memories[mi].width() + " bits wide");
            }
            mrMem[i] = mi;
            mrDst[i] = slots.offset(r.name());
            mrAddr[i] = slots.offset(r.addr());
            mrAddrWords[i] = Words.count(slots.type(r.addr()).width());
            mrEn[i] = enableSlot(slots, r, r.enable(), oneSlot);
            mrWords[i] = memWords[mi];
            mrTopBits[i] = memTopBits[mi];
            mrSigned[i] = r.type().signed();
            mrStaged[i] = new long[mrWords[i]];
        }
    }

    private static void checkType(SlotMap slots, Node n, String src, Type t) {
        Type st = slots.type(src);
        if (!st.equals(t)) {
            throw new IllegalArgumentException("register '" + n.name() + "' (" + n.loc() + ") is " + t + " but its next value '"
                    + src + "' is " + st);
        }
    }

    private static int enableSlot(SlotMap slots, Node n, String enable, int oneSlot) {
        if (enable == null) return oneSlot;
        if (slots.type(enable).width() != 1) {
            throw new IllegalArgumentException("the enable '" + enable + "' of '" + n.name() + "' must be 1 bit wide, not "
                    + slots.type(enable));
        }
        return slots.offset(enable);
    }

    private static long[] resetWords(Node.Reg r) {
        if (!Values.fits(r.reset(), r.type())) {
            throw new IllegalArgumentException("the reset value " + r.reset() + " of register '" + r.name() + "' (" + r.loc()
                    + ") does not fit " + r.type());
        }
        return Values.toWords(r.reset(), r.type());
    }

    /** Applies one rising edge of {@code clk} to the values in {@code v}. */
    void edge(long[] v) {
        final boolean rst = rstSlot >= 0 && v[rstSlot] != 0;
        final int[] rSlot = this.rSlot, rNext = this.rNext, rEn = this.rEn;
        final long[] rStaged = this.rStaged;
        for (int i = 0; i < rSlot.length; i++) {
            rStaged[i] = (rst && rHasReset[i]) ? rReset[i] : v[rEn[i]] != 0 ? v[rNext[i]] : v[rSlot[i]];
        }
        for (int i = 0; i < wSlot.length; i++) {
            long[] s = wStaged[i];
            if (rst && wReset[i] != null) System.arraycopy(wReset[i], 0, s, 0, s.length);
            else System.arraycopy(v, v[wEn[i]] != 0 ? wNext[i] : wSlot[i], s, 0, s.length);
        }
        for (int i = 0; i < mrDst.length; i++) {
            mrFire[i] = v[mrEn[i]] != 0;
            if (!mrFire[i]) continue;
            long[] s = mrStaged[i];
            int nw = mrWords[i];
            long addr = Words.amount(v, mrAddr[i], mrAddrWords[i]);
            int m = mrMem[i];
            if (addr < memDepth[m]) {
                System.arraycopy(memData[m], (int) addr * nw, s, 0, nw);
                s[nw - 1] = Words.norm(s[nw - 1], mrTopBits[i], mrSigned[i]);
            } else {
                for (int j = 0; j < nw; j++) s[j] = 0;
            }
        }
        for (int m = 0; m < memWe.length; m++) {
            if (memWe[m] < 0 || v[memWe[m]] == 0) continue;
            long addr = Words.amount(v, memAddr[m], memAddrWords[m]);
            if (addr >= memDepth[m]) continue;
            int nw = memWords[m];
            int at = (int) addr * nw;
            System.arraycopy(v, memWrData[m], memData[m], at, nw);
            memData[m][at + nw - 1] = Words.norm(memData[m][at + nw - 1], memTopBits[m], false);
        }
        for (int i = 0; i < rSlot.length; i++) v[rSlot[i]] = rStaged[i];
        for (int i = 0; i < wSlot.length; i++) System.arraycopy(wStaged[i], 0, v, wSlot[i], wWords[i]);
        for (int i = 0; i < mrDst.length; i++) {
            if (mrFire[i]) System.arraycopy(mrStaged[i], 0, v, mrDst[i], mrWords[i]);
        }
    }
}
