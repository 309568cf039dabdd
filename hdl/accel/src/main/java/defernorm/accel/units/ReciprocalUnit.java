package defernorm.accel.units;

import defernorm.golden.fixed.ReciprocalTable;
import defernorm.golden.model.Formats;

/**
 * Reciprocal as a factor, bit-exact with {@code Factor.reciprocal(den)}: {@code 1/den ~ r·2^-(31+e)} with
 * {@code e = bits(den) - 16}, {@code dn} = den normalized to 24 bits and {@code r = ReciprocalTable.of(dn)}.
 * A {@link NormalizedLookupUnit}: a {@link LeadingOneNormalizer} (plain, 24-bit mantissa, exponent {@code bits(den) - 24}, 2 stages) then a
 * {@link PiecewiseLinearUnit} (3 stages): 5 stages, fully pipelined.
 *
 * <pre>{@code
 * ReciprocalUnit u = new ReciprocalUnit(21);   // ReciprocalUnit_V21, u.latency() == 5
 * }</pre>
 */
public final class ReciprocalUnit extends NormalizedLookupUnit {
    public ReciprocalUnit(int inBits) {
        // The table reads 8 more mantissa bits than r has, so e = (bits(den) - 24) + 8 (fits: bits(den) <= 90).
        super("ReciprocalUnit_V" + checked(inBits), inBits, ReciprocalTable.TABLE, ReciprocalTable.IN_BITS, false,
                ReciprocalTable.IN_BITS - Formats.FACTOR_BITS);
    }

    private static int checked(int inBits) {
        if (inBits < 1 || inBits > 90) throw new IllegalArgumentException("ReciprocalUnit needs 1..90 input bits, not " + inBits + ".");
        return inBits;
    }
}
