package defernorm.golden.fixed;

/**
 * Leading-one normalization (a leading-zero count plus a barrel shift) so the factor tables
 * ({@link InverseSqrtTable}, {@link ReciprocalTable}) work on fixed-width mantissas. Right shifts truncate (floor); left shifts are exact.
 *
 * <pre>{@code
 * Normalize.evenExponent(1, 32)      // -15 : 1 << 30 is in [2^30, 2^32)
 * Normalize.evenMantissa(1, -15)     // 1 << 30
 * Normalize.exponent(64, 16)         // -9  : 64 << 9 = 2^15
 * }</pre>
 */
public final class Normalize {
    private Normalize() {}

    /**
     * Number of significant bits of a positive value (64 - leading zeros): the golden model's one
     * bit-width helper ({@code Widths}, the factor tables and {@code Topology} use it). It is not the HDL's
     * {@code Type.bitsFor}/{@code Type.clog2} on purpose: the golden model is the judge of the hardware
     * and depends on nothing the hardware is built from.
     */
    public static int bitLength(long v) {
        return 64 - Long.numberOfLeadingZeros(v);
    }

    /**
     * For the square root: the e with {@code v * 2^(-2e)} in [2^(w-2), 2^w), namely
     * {@code e = ceil(bitLength(v)/2) - w/2}.
     *
     * @param v positive value
     * @param w even mantissa width (32 in this project)
     */
    public static int evenExponent(long v, int w) {
        if (v < 1) {
            throw new IllegalArgumentException("normalize input must be >= 1, got " + v);
        }
        return (bitLength(v) + 1) / 2 - w / 2;
    }

    /** {@code v >> 2e} (truncating) for e >= 0, {@code v << -2e} for e < 0. */
    public static long evenMantissa(long v, int e) {
        return e >= 0 ? v >>> (2 * e) : v << (-2 * e);
    }

    /** For the reciprocal: the e with {@code v * 2^(-e)} in [2^(w-1), 2^w): {@code bitLength(v) - w}. */
    public static int exponent(long v, int w) {
        if (v < 1) {
            throw new IllegalArgumentException("normalize input must be >= 1, got " + v);
        }
        return bitLength(v) - w;
    }

    /** {@code v >> e} (truncating) for e >= 0, {@code v << -e} for e < 0. */
    public static long mantissa(long v, int e) {
        return e >= 0 ? v >>> e : v << -e;
    }
}
