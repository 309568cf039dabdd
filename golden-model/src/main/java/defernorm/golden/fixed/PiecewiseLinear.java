package defernorm.golden.fixed;

import java.util.function.DoubleUnaryOperator;

/**
 * A table-seeded piecewise-linear function of a normalized mantissa: the one concept behind the factor
 * units ({@link InverseSqrtTable}, {@link ReciprocalTable}). The RTL ROM holds {@link #word(int)} for every
 * segment, so the hardware and this model read the same integers.
 *
 * <p>The mantissa {@code m} has {@code inBits} bits and lies in [{@code lo}, 2^inBits). Its top
 * {@code indexBits} bits select a segment {@code s = (m >>> (inBits - indexBits)) - first}; the next
 * {@code fracBits} bits are the position {@code frac} inside it (the bits below are dropped). The
 * segment's end points are nodes of {@code f} with {@link #GUARD_BITS} extra fractional bits,
 * {@code C0[k] = round(2^G · f(node k))}; {@code C1[s] = C0[s] - C0[s+1]} (f is decreasing, so C1 &ge; 0).
 * The result is the chord, rounded half up and clamped to {@code outBits} unsigned bits:
 * <pre>{@code r = min(2^outBits - 1, (C0[s]·2^F - C1[s]·frac + 2^(F+G-1)) >> (F+G))}</pre>
 *
 * <pre>{@code
 * PiecewiseLinear t = InverseSqrtTable.TABLE;
 * long r = t.of(1L << 30);      // 65535: 2^16 / sqrt(1), clamped to 16 bits
 * long w = t.word(0);           // the ROM word of segment 0: C0 << c1Bits | C1
 * }</pre>
 */
public final class PiecewiseLinear {
    /** Extra fractional bits of the stored coefficients (so their rounding stays far below the output LSB). */
    public static final int GUARD_BITS = 4;

    private final String name;
    private final int inBits;
    private final int indexBits;
    private final int fracBits;
    private final int outBits;
    private final int first;
    private final long[] c0;
    private final long[] c1;
    private final int c1Bits;
    private final DoubleUnaryOperator f;

    /**
     * @param name      short name (it appears in the RTL module name)
     * @param f         the decreasing function of the (real) mantissa value to approximate, in output LSBs
     * @param inBits    mantissa width
     * @param lo        smallest mantissa, a multiple of 2^(inBits - indexBits)
     * @param indexBits bits of the segment index (the mantissa's top bits)
     * @param fracBits  bits of the position inside a segment (the bits below the index)
     * @param outBits   result width (the result is clamped to it)
     */
    public PiecewiseLinear(String name, DoubleUnaryOperator f, int inBits, long lo, int indexBits, int fracBits, int outBits) {
        if (indexBits + fracBits > inBits || inBits > 40 || outBits + GUARD_BITS + fracBits > 60) {
            throw new IllegalArgumentException("a piecewise-linear table needs indexBits + fracBits <= inBits <= 40, not "
                    + indexBits + " + " + fracBits + " and " + inBits + ".");
        }
        this.name = name;
        this.f = f;
        this.inBits = inBits;
        this.indexBits = indexBits;
        this.fracBits = fracBits;
        this.outBits = outBits;
        this.first = (int) (lo >>> (inBits - indexBits));
        int segments = (1 << indexBits) - first;
        long[] node = new long[segments + 1];
        for (int k = 0; k <= segments; k++) {
            double m = (double) (first + k) * (1L << (inBits - indexBits));
            node[k] = (long) Math.floor(f.applyAsDouble(m) * (1 << GUARD_BITS) + 0.5);
        }
        this.c0 = new long[segments];
        this.c1 = new long[segments];
        long maxC1 = 1;
        for (int s = 0; s < segments; s++) {
            c0[s] = node[s];
            c1[s] = node[s] - node[s + 1];
            if (c1[s] < 0) {
                throw new IllegalArgumentException("table " + name + " needs a decreasing function, but segment " + s + " rises.");
            }
            maxC1 = Math.max(maxC1, c1[s]);
        }
        this.c1Bits = Normalize.bitLength(maxC1);
    }

    /** The approximation of {@code f(m)} for a mantissa m in [lo, 2^inBits). */
    public long of(long m) {
        if (m < (long) first << (inBits - indexBits) || (m >>> inBits) != 0) {
            throw new IllegalArgumentException(name + " table input " + m + " is not a normalized " + inBits + "-bit mantissa.");
        }
        int s = (int) (m >>> (inBits - indexBits)) - first;
        long frac = (m >>> (inBits - indexBits - fracBits)) & ((1L << fracBits) - 1);
        return at(s, frac);
    }

    /** The chord of segment {@code s} at position {@code frac} (fracBits bits), rounded and clamped. */
    public long at(int s, long frac) {
        int shift = fracBits + GUARD_BITS;
        long v = (c0[s] << fracBits) - c1[s] * frac + (1L << (shift - 1));
        return Math.min((1L << outBits) - 1, v >> shift);
    }

    /** The ROM word of segment s: {@code C0[s] << c1Bits() | C1[s]}. */
    public long word(int s) {
        return (c0[s] << c1Bits()) | c1[s];
    }

    /** Every ROM word, segment 0 first. */
    public long[] words() {
        long[] w = new long[segments()];
        for (int s = 0; s < w.length; s++) {
            w[s] = word(s);
        }
        return w;
    }

    /** The exact function value the table approximates, at a real mantissa value. */
    public double exact(double m) {
        return f.applyAsDouble(m);
    }

    public String name() { return name; }

    public int inBits() { return inBits; }

    public int indexBits() { return indexBits; }

    public int fracBits() { return fracBits; }

    public int outBits() { return outBits; }

    /** Index of segment 0 (the top indexBits of the smallest mantissa). */
    public int first() { return first; }

    public int segments() { return c0.length; }

    /** Width of the C0 field of a ROM word (C0 decreases, so segment 0 has the widest). */
    public int c0Bits() { return Normalize.bitLength(c0[0]); }

    /** Width of the C1 field of a ROM word. */
    public int c1Bits() { return c1Bits; }
}
