package defernorm.golden.fixed;

/**
 * Restoring division, one quotient bit per step, and the normalized 16-bit reciprocal the per-token
 * factor used before the table-seeded units.
 *
 * <p>No longer on the datapath: the factors use the table-seeded {@link ReciprocalTable}. Kept only
 * while {@code timing.Latencies} still names its step count; delete it together with Latencies.
 *
 * <pre>{@code
 * Reciprocal.floorDiv(100, 7, 7, 4)      // 14
 * Reciprocal.ofNormalized(1 << 15)       // 65535  (= floor((2^31-1)/2^15))
 * }</pre>
 */
public final class Reciprocal {
    /** Width of the normalized divisor and of the quotient. */
    public static final int BITS = 16;
    /** Numerator of {@link #ofNormalized}: 2^31 - 1, so the quotient always fits 16 bits. */
    public static final long NUMERATOR = (1L << (2 * BITS - 1)) - 1;

    private Reciprocal() {}

    /**
     * {@code floor(num / d)} by restoring long division producing {@code qBits} quotient bits, MSB
     * first. Step j (j = qBits-1 .. 0): {@code rem = (rem << 1) | bit(num, j)}; if {@code rem >= d}
     * then {@code rem -= d} and quotient bit j is 1. The initial remainder is {@code num >> qBits},
     * which must be below {@code d} (so the quotient fits qBits).
     *
     * @param num   unsigned numerator below 2^numBits
     * @param numBits width of num (<= 62)
     * @param d     divisor >= 1
     * @param qBits quotient width (number of steps)
     */
    public static long floorDiv(long num, int numBits, long d, int qBits) {
        if (d < 1) {
            throw new IllegalArgumentException("divisor must be >= 1, got " + d);
        }
        if (num < 0 || numBits > 62 || (num >>> numBits) != 0) {
            throw new IllegalArgumentException("numerator " + num + " does not fit " + numBits + " unsigned bits");
        }
        long rem = qBits >= numBits ? 0 : num >>> qBits;
        if (rem >= d) {
            throw new IllegalArgumentException("quotient of " + num + "/" + d + " does not fit " + qBits + " bits");
        }
        long q = 0;
        for (int j = qBits - 1; j >= 0; j--) {
            rem = (rem << 1) | ((num >>> j) & 1);
            q <<= 1;
            if (rem >= d) {
                rem -= d;
                q |= 1;
            }
        }
        return q;
    }

    /**
     * {@code floor((2^31 - 1) / s)} for a normalized divisor {@code s} in [2^15, 2^16): the result is
     * in [2^15, 2^16 - 1] (16 unsigned bits), 16 restoring steps.
     */
    public static long ofNormalized(long s) {
        if (s < (1L << (BITS - 1)) || s >= (1L << BITS)) {
            throw new IllegalArgumentException("reciprocal input " + s + " is not normalized to [2^15, 2^16)");
        }
        return floorDiv(NUMERATOR, 2 * BITS - 1, s, BITS);
    }

    /** Restoring steps (= pipeline stages) of {@link #ofNormalized}. */
    public static int steps() {
        return BITS;
    }
}
