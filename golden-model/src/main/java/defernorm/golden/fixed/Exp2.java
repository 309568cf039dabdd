package defernorm.golden.fixed;

/**
 * Base-2 exponential of a non-positive-integer-part fixed-point number, as a ROM table plus a rounding
 * right shift. This is the softmax exp unit.
 *
 * <p>Input {@code d} has {@link #LOG_FRAC} fractional bits and {@code d < 2^LOG_FRAC} (its integer
 * part {@code ip = d >> LOG_FRAC} is <= 0). Output: {@code roundShift(T[idx], -ip)} where
 * {@code idx = (d & (2^LOG_FRAC - 1)) >> (LOG_FRAC - INDEX_BITS)} and T = {@link #table}; the result is
 * in [0, 255] (uint8, the unsigned activation of a uint8 x int8 MAC array) and approximates
 * {@code 128 * 2^(d / 2^LOG_FRAC)}.
 *
 * <pre>{@code
 * Exp2.of(0)                      // 128  (T[0] = round(128 * 2^(0.5/256)) = 128)
 * Exp2.of(-(1 << Exp2.LOG_FRAC))  // 64
 * }</pre>
 */
public final class Exp2 {
    /** Fractional bits of the base-2 log-domain values (u = s * L and d). */
    public static final int LOG_FRAC = 12;
    /** Table address bits: the top INDEX_BITS of the fraction (truncated). */
    public static final int INDEX_BITS = 8;
    /** Width of table entries and of exp outputs: unsigned 8 bits, the MAC array's uint8 activation. */
    public static final int OUT_BITS = 8;

    private static final long[] TABLE = table(INDEX_BITS, OUT_BITS);

    private Exp2() {}

    /**
     * The ROM contents: {@code T[j] = min(2^outBits - 1, round(2^(outBits-1) * 2^((j + 1/2) / 2^fracBits)))}
     * for j in [0, 2^fracBits): the value at the midpoint of the truncated interval, in
     * [2^(outBits-1), 2^outBits - 1].
     */
    public static long[] table(int fracBits, int outBits) {
        int size = 1 << fracBits;
        long[] t = new long[size];
        long max = (1L << outBits) - 1;
        double one = 1L << (outBits - 1);
        for (int j = 0; j < size; j++) {
            double v = one * Math.pow(2.0, (j + 0.5) / size);
            t[j] = Math.min(max, (long) Math.floor(v + 0.5));
        }
        return t;
    }

    /** The exp unit on d (LOG_FRAC fractional bits, d < 2^LOG_FRAC); result in [0, 255]. */
    public static long of(long d) {
        if (d >= (1L << LOG_FRAC)) {
            throw new IllegalArgumentException("exp2 input " + d + " has a positive integer part");
        }
        long ip = d >> LOG_FRAC;
        int idx = (int) ((d & ((1L << LOG_FRAC) - 1)) >> (LOG_FRAC - INDEX_BITS));
        long shift = -ip;
        return Rounding.roundShift(TABLE[idx], (int) Math.min(shift, Rounding.MAX_SHIFT));
    }

    /** One table entry (for RTL ROM generation and tests). */
    public static long entry(int idx) {
        return TABLE[idx];
    }
}
