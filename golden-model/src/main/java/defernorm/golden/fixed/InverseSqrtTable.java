package defernorm.golden.fixed;

/**
 * {@code 1/sqrt} of an even-normalized 32-bit mantissa as a 16-bit value, by a table-seeded
 * piecewise-linear chord (see {@link PiecewiseLinear}): the LayerNorm/RMSNorm factor unit.
 *
 * <p>Input {@code vn} in [2^30, 2^32) ({@code Normalize.evenMantissa}), i.e. {@code x = vn/2^30} in [1, 4).
 * Result {@code r ~ 2^16/sqrt(x) = 2^31/sqrt(vn)}, in [2^15, 2^16 - 1] (x = 1 is clamped from 2^16).
 * Segment index = {@code vn >>> 23} (9 bits, 128..511, width 1/128 in x), position =
 * {@code (vn >>> 7) & 0xFFFF}. Relative error below 2^-15 for every input, proven in
 * {@code docs/numerics.md} and checked exhaustively.
 *
 * <pre>{@code
 * InverseSqrtTable.of(1L << 30)   // 65535  (2^16 / sqrt(1), clamped)
 * InverseSqrtTable.of(1L << 31)   // 46341  (2^16 / sqrt(2) = 46340.95)
 * }</pre>
 */
public final class InverseSqrtTable {
    /** Width of the normalized input. */
    public static final int IN_BITS = 32;
    /** The table: 384 segments over [2^30, 2^32). */
    public static final PiecewiseLinear TABLE =
            new PiecewiseLinear("RSQRT", m -> Math.pow(2, 31) / Math.sqrt(m), IN_BITS, 1L << (IN_BITS - 2), 9, 16, 16);

    private InverseSqrtTable() {}

    /** {@code ~ 2^31 / sqrt(vn)} for vn in [2^30, 2^32). */
    public static long of(long vn) {
        return TABLE.of(vn);
    }
}
