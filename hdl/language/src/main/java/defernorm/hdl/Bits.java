package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.util.List;

/**
 * Packs a hardware aggregate (a {@link Signal}, a {@link Vec} or a bundle record) into one UInt and back, for
 * whatever stores or moves plain words: a memory, a FIFO, a register slice. The first leaf goes in the least
 * significant bits, as in {@link Vec#asBits()}.
 *
 * <pre>{@code
 * Signal word = Bits.pack(beat);                     // UInt(Bits.width(beat))
 * Beat back = Bits.unpack(beat, mem.read("q", addr, null));   // a Beat of slices, each with its leaf's type
 * }</pre>
 */
public final class Bits {
    private Bits() {}

    /** Every leaf of {@code agg} concatenated, the first in the low bits. */
    public static Signal pack(Object agg) {
        return Vec.from(List.of(agg)).asBits();
    }

    /** The number of bits in {@code agg}'s leaves. */
    public static int width(Object agg) {
        int w = 0;
        for (Signal s : Aggregates.leaves(agg, SourceLocator.here())) w += s.width();
        return w;
    }

    /**
     * An aggregate of {@code template}'s shape whose leaves are the fields of {@code bits} (as {@link #pack}
     * lays them out), each with the template leaf's type: the inverse of {@link #pack}.
     */
    public static <T> T unpack(T template, Signal bits) {
        SourceLoc at = SourceLocator.here();
        int w = width(template);
        if (bits.width() != w) {
            bits.b().error(at, "unpack needs " + w + " bits for this aggregate, but got " + bits.type() + ".");
            return template;
        }
        int[] low = {0};
        return Aggregates.rebuild(template, leaf -> {
            Signal field = bits.slice(low[0] + leaf.width() - 1, low[0]);
            low[0] += leaf.width();
            return leaf.type().signed() ? field.asSigned() : field;
        }, at);
    }
}
