package defernorm.golden.model;

import defernorm.golden.fixed.InverseSqrtTable;
import defernorm.golden.fixed.Normalize;
import defernorm.golden.fixed.ReciprocalTable;

/**
 * The per-token factor, computed once per token: a 16-bit mantissa {@code r} in [2^15, 2^16) and an
 * exponent {@code e}, meaning {@code r * 2^-(31 + e)}.
 *
 * <ul>
 *   <li>{@link #inverseSqrt}: 1/sqrt(V) for LayerNorm/RMSNorm (V >= 1).</li>
 *   <li>{@link #reciprocal}: 1/den for softmax (den >= 1).</li>
 * </ul>
 *
 * <pre>{@code
 * Factor f = Factor.inverseSqrt(1);   // r = 65535, e = -15: 65535 * 2^-16 ~ 1
 * }</pre>
 *
 * @param input    the statistic the factor was computed from (V or den)
 * @param mantissa the normalized mantissa the table reads: vn (32-bit, 1/sqrt) or dn (24-bit, 1/x)
 * @param r        the factor's mantissa, [2^15, 2^16)
 * @param e        the exponent
 */
public record Factor(long input, long mantissa, long r, int e) {

    /** 1/sqrt(v) ~ r * 2^-(31+e): e = ceil(bits(v)/2) - 16, vn = v * 2^-2e (32-bit), r = InverseSqrtTable.of(vn). */
    public static Factor inverseSqrt(long v) {
        int e = Normalize.evenExponent(v, InverseSqrtTable.IN_BITS);
        long vn = Normalize.evenMantissa(v, e);
        return new Factor(v, vn, InverseSqrtTable.of(vn), e);
    }

    /**
     * 1/den ~ r * 2^-(31+e): e = bits(den) - 16, dn = den normalized to 24 bits (den * 2^-(e-8)),
     * r = ReciprocalTable.of(dn) ~ 2^39/dn.
     */
    public static Factor reciprocal(long den) {
        int e = Normalize.exponent(den, Formats.FACTOR_BITS);
        long dn = Normalize.mantissa(den, e - (ReciprocalTable.IN_BITS - Formats.FACTOR_BITS));
        return new Factor(den, dn, ReciprocalTable.of(dn), e);
    }

    /** Right shift that turns {@code value * r} into a number with {@code fracBits} fractional bits. */
    public int shiftFor(int fracBits) {
        int s = Formats.FACTOR_FRAC + e - fracBits;
        if (s < 0) {
            throw new IllegalStateException("negative output shift " + s + "; formats are inconsistent");
        }
        return s;
    }

    /** The real value this factor stands for. */
    public double value() {
        return r * Math.pow(2, -(Formats.FACTOR_FRAC + e));
    }
}
