package defernorm.golden.fixed;

/**
 * {@code 1/x} of a normalized 24-bit mantissa as a 16-bit value, by a table-seeded piecewise-linear chord
 * (see {@link PiecewiseLinear}): the softmax factor unit.
 *
 * <p>Input {@code dn} in [2^23, 2^24) ({@code Normalize.mantissa}), i.e. {@code x = dn/2^23} in [1, 2).
 * Result {@code r ~ 2^16/x = 2^39/dn}, in [2^15, 2^16 - 1] (x = 1 is clamped from 2^16). Segment index =
 * the 8 bits below the leading one (256 segments of width 1/256), position = the 15 bits below them, so
 * no input bit is dropped. Relative error below 2^-15 for every input, proven in
 * {@code docs/numerics.md} and checked exhaustively.
 *
 * <pre>{@code
 * ReciprocalTable.of(1L << 23)         // 65535  (2^16 / 1, clamped)
 * ReciprocalTable.of(3L << 22)         // 43691  (2^16 / 1.5 = 43690.67)
 * }</pre>
 */
public final class ReciprocalTable {
    /** Width of the normalized input. */
    public static final int IN_BITS = 24;
    /** The table: 256 segments over [2^23, 2^24). */
    public static final PiecewiseLinear TABLE =
            new PiecewiseLinear("RECIP", m -> Math.pow(2, 39) / m, IN_BITS, 1L << (IN_BITS - 1), 9, 15, 16);

    private ReciprocalTable() {}

    /** {@code ~ 2^39 / dn} for dn in [2^23, 2^24). */
    public static long of(long dn) {
        return TABLE.of(dn);
    }
}
