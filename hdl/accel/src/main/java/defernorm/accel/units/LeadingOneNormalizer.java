package defernorm.accel.units;

import defernorm.golden.fixed.Normalize;
import defernorm.hdl.Output;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Leading-one normalization of a positive value to a fixed-width mantissa and an exponent, bit-exact with
 * {@link Normalize}: two register stages, the leading-one detect (bit length L), then the barrel shift.
 * <ul>
 *   <li>{@code even} (for the square root, {@code Normalize.evenExponent/evenMantissa}):
 *       {@code e = ceil(L/2) - w/2}, mantissa {@code v * 2^(-2e)} in [2^(w-2), 2^w).</li>
 *   <li>plain (for the reciprocal, {@code Normalize.exponent/mantissa}): {@code e = L - w}, mantissa
 *       {@code v * 2^(-e)} in [2^(w-1), 2^w).</li>
 * </ul>
 * Right shifts truncate, as in the golden model. Both are one right shift of {@code v << w} by
 * {@code L} (plain) or L rounded up to even (even). The factor units use it with w = 32 (even, before the
 * inverse square root) and w = 24 (plain, before the reciprocal).
 *
 * <pre>{@code
 * LeadingOneNormalizer n = new LeadingOneNormalizer(43, 32, true);   // LeadingOneNormalizer_V43_W32_EVEN
 * }</pre>
 */
public final class LeadingOneNormalizer extends PipelinedUnit {
    /** Width of the exponent output. */
    public static final int EXP_BITS = 8;

    /** The word to normalize ({@code in_valid}, {@code in_data}). */
    public final Flow in;
    /** The mantissa {@code out_mant} (UInt(w)), its exponent {@code out_exp} and {@code out_valid}. */
    public final Output outMant, outExp, outValid;
    private int depth;

    public LeadingOneNormalizer(int inBits, int mantBits, boolean even) {
        super("LeadingOneNormalizer_V" + inBits + "_W" + mantBits + (even ? "_EVEN" : "_PLAIN"));
        if (inBits < 1 || inBits > 100 || mantBits < 2 || (even && (mantBits & 1) != 0)) {
            throw new IllegalArgumentException("LeadingOneNormalizer needs 1..100 input bits and a mantissa of at least 2 bits (even for the square root).");
        }
        in = input("in", Flow.of(Type.uint(inBits)));
        Signal valid = in.valid(), v = in.data();
        int lb = Type.bitsFor(inBits + 1);

        // ---- stage 1: bit length (the highest set bit wins: it is the outermost mux) ---------------------------
        Signal len = lit(0, Type.uint(lb));
        for (int i = 0; i < inBits; i++) len = Signal.mux(v.bit(i), lit(i + 1, Type.uint(lb)), len);
        Signal lenQ = stage("s1_len", len.named("len"));
        Signal vQ = stage("s1_data", v);
        valid = stage("s1_valid", valid);
        depth++;

        // ---- stage 2: one right shift of v << w ------------------------------------------------------------------
        Signal amount = even ? Signal.cat(lenQ.plus(1).shr(1), lit(0, Type.bool())) : lenQ;   // L, or 2*ceil(L/2)
        Signal wide = Signal.cat(vQ, lit(0, Type.uint(mantBits)));
        Signal mant = wide.shr(amount).truncate(mantBits);
        Signal half = lit(even ? mantBits / 2 : mantBits, Type.sint(EXP_BITS));
        Signal units = (even ? lenQ.plus(1).shr(1) : lenQ).extend(EXP_BITS - 1).asSigned().extend(EXP_BITS);
        Signal exp = units.minus(half).truncate(EXP_BITS);
        outMant = output("out_mant", stage("s2_mant", mant));
        outExp = output("out_exp", stage("s2_exp", exp));
        outValid = output("out_valid", stage("s2_valid", valid));
        depth++;
    }

    /** Register stages built: 2. */
    public int latency() { return depth; }
}
