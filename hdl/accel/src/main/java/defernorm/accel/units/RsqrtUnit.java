package defernorm.accel.units;

import defernorm.golden.fixed.InverseSqrtTable;

/**
 * Inverse square root as a factor, bit-exact with {@code Factor.inverseSqrt(v)}: {@code 1/sqrt(v) ~ r·2^-(31+e)}
 * with {@code e = ceil(bits(v)/2) - 16}, {@code vn = v·2^-2e} (32-bit) and {@code r = InverseSqrtTable.of(vn)}.
 * A {@link NormalizedLookupUnit}: a {@link LeadingOneNormalizer} (even, 2 stages) then a {@link PiecewiseLinearUnit} (3 stages): 5 stages,
 * fully pipelined.
 *
 * <pre>{@code
 * RsqrtUnit u = new RsqrtUnit(43);   // RsqrtUnit_V43, u.latency() == 5
 * }</pre>
 */
public final class RsqrtUnit extends NormalizedLookupUnit {
    public RsqrtUnit(int inBits) {
        super("RsqrtUnit_V" + inBits, inBits, InverseSqrtTable.TABLE, InverseSqrtTable.IN_BITS, true, 0);
    }
}
