package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every register of a design as index tables. On an edge a register loads its reset value when {@code rst}
 * is high and it has one (reset wins over enable), else {@code next} when its enable is missing or high.
 *
 * <p>Register-to-register paths must behave like non-blocking assignments. Most registers are read at the
 * edge by no other register (their readers are combinational), and the rest form chains (a delay line, an
 * accumulator copied to a drain register): those are updated in place by {@link #update}, each after every
 * register that reads it, which needs no staging copy and skips a disabled register entirely. Registers on
 * a loop of such reads, and wide registers, take two steps: {@link #sample} computes their next values
 * from the old state, {@link #commit} stores them. An edge is sample, update, commit.
 */
final class RegisterBank {
    // Registers of at most 64 bits: the staged ones first ([0, stagedCount)), then the in-place ones in update order.
    private final int[] slot, next, enable;
    private final boolean[] hasReset;
    private final long[] reset, staged;
    private final int stagedCount;
    // Wider registers.
    private final int[] wSlot, wNext, wEnable, wWords;
    private final long[][] wReset, wStaged;

    /** @param oneSlot a slot that always holds 1 (stands in for a missing enable) */
    RegisterBank(SlotMap slots, int oneSlot) {
        List<Node.Reg> narrow = new ArrayList<>(), wide = new ArrayList<>();
        for (FlatNode f : slots.representatives()) {
            if (f.node() instanceof Node.Reg r) (r.type().width() <= 64 ? narrow : wide).add(r);
        }
        for (Node.Reg r : narrow) checkType(slots, r);
        List<Node.Reg> inPlace = UpdateOrder.inPlace(slots, narrow);
        stagedCount = narrow.size() - inPlace.size();
        Set<Node.Reg> direct = new HashSet<>(inPlace);
        List<Node.Reg> ordered = new ArrayList<>(narrow.size());
        for (Node.Reg r : narrow) if (!direct.contains(r)) ordered.add(r);
        ordered.addAll(inPlace);
        narrow = ordered;
        int n = narrow.size();
        slot = new int[n]; next = new int[n]; enable = new int[n]; hasReset = new boolean[n];
        reset = new long[n]; staged = new long[n];
        for (int i = 0; i < n; i++) {
            Node.Reg r = narrow.get(i);
            slot[i] = slots.offset(r.name());
            next[i] = slots.offset(r.next());
            enable[i] = enableSlot(slots, r, r.enable(), oneSlot);
            hasReset[i] = r.reset() != null;
            if (r.reset() != null) reset[i] = resetWords(r)[0];
        }
        int w = wide.size();
        wSlot = new int[w]; wNext = new int[w]; wEnable = new int[w]; wWords = new int[w];
        wReset = new long[w][]; wStaged = new long[w][];
        for (int i = 0; i < w; i++) {
            Node.Reg r = wide.get(i);
            checkType(slots, r);
            wSlot[i] = slots.offset(r.name());
            wNext[i] = slots.offset(r.next());
            wEnable[i] = enableSlot(slots, r, r.enable(), oneSlot);
            wWords[i] = Words.count(r.type().width());
            wReset[i] = r.reset() == null ? null : resetWords(r);
            wStaged[i] = new long[wWords[i]];
        }
    }

    /** How many registers there are. */
    int size() { return slot.length + wSlot.length; }

    /** Computes the staged registers' values after the edge, from the settled values in {@code v}. */
    void sample(long[] v, boolean rst) {
        final int[] slot = this.slot, next = this.next, enable = this.enable;
        final long[] staged = this.staged;
        for (int i = 0; i < stagedCount; i++) {
            staged[i] = (rst && hasReset[i]) ? reset[i] : v[enable[i]] != 0 ? v[next[i]] : v[slot[i]];
        }
        for (int i = 0; i < wSlot.length; i++) {
            long[] s = wStaged[i];
            if (rst && wReset[i] != null) System.arraycopy(wReset[i], 0, s, 0, s.length);
            else System.arraycopy(v, v[wEnable[i]] != 0 ? wNext[i] : wSlot[i], s, 0, s.length);
        }
    }

    /**
     * Updates the in-place registers. Call it after {@link #sample} and after everything else that reads the
     * old state at this edge (memory ports), before {@link #commit}.
     */
    void update(long[] v, boolean rst) {
        final int[] slot = this.slot, next = this.next, enable = this.enable;
        if (rst) {
            for (int i = stagedCount; i < slot.length; i++) {
                if (hasReset[i]) v[slot[i]] = reset[i];
                else if (v[enable[i]] != 0) v[slot[i]] = v[next[i]];
            }
        } else {
            for (int i = stagedCount; i < slot.length; i++) if (v[enable[i]] != 0) v[slot[i]] = v[next[i]];
        }
    }

    /** Stores the sampled values. */
    void commit(long[] v) {
        for (int i = 0; i < stagedCount; i++) v[slot[i]] = staged[i];
        for (int i = 0; i < wSlot.length; i++) System.arraycopy(wStaged[i], 0, v, wSlot[i], wWords[i]);
    }

    private static void checkType(SlotMap slots, Node.Reg r) {
        Type st = slots.type(r.next());
        if (!st.equals(r.type())) {
            throw new IllegalArgumentException("register '" + r.name() + "' (" + r.loc() + ") is " + r.type()
                    + " but its next value '" + r.next() + "' is " + st);
        }
    }

    /** The slot of a 1-bit enable, or {@code oneSlot} when there is none. */
    static int enableSlot(SlotMap slots, Node n, String enable, int oneSlot) {
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
}
