package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;
import java.util.function.LongUnaryOperator;

/**
 * The back half both standard variants share: each activation is normalized (raw[i] * r) before the
 * MAC array, then either kept exact (full precision: out = sat32(roundShift(acc, 31 + e - outFrac) + bias))
 * or requantized, a[i] = saturate(roundShift(raw[i] * r, 31 + e - actFrac)), and
 * out = sat32((acc << (outFrac - actFrac)) + bias). A subclass states only its reduction, its raw
 * values and its formats.
 *
 * <pre>{@code
 * NormStandard(LayerConfig cfg, boolean fullPrecision) {
 *     super(cfg, fullPrecision, Formats.NORM_ACT_FRAC, Formats.NORM_OUT_FRAC, v -> Saturate.signed(v, 8));
 * }
 * ... return finish(centered, factor, st.asArray());
 * }</pre>
 */
abstract class StandardDatapath extends ConfiguredDatapath {
    private final boolean fullPrecision;
    private final int actFrac;
    private final int outFrac;
    private final LongUnaryOperator saturate;

    /**
     * @param fullPrecision keep the normalized activations exact instead of requantizing them
     * @param actFrac       fractional bits of a requantized activation
     * @param outFrac       fractional bits of an output lane
     * @param saturate      clamp of a requantized activation to the width it is stored in
     */
    StandardDatapath(LayerConfig cfg, boolean fullPrecision, int actFrac, int outFrac, LongUnaryOperator saturate) {
        super(cfg, fullPrecision ? "standard-full" : "standard");
        this.fullPrecision = fullPrecision;
        this.actFrac = actFrac;
        this.outFrac = outFrac;
        this.saturate = saturate;
    }

    /**
     * Normalizes, multiplies and drains one token.
     *
     * @param raw        the n values before normalization (n*x - S1, or the softmax exp p[i])
     * @param f          the per-token factor
     * @param statistics passed through to the result
     */
    protected final TokenResult finish(long[] raw, Factor f, long[] statistics) {
        long[] normalized = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            normalized[i] = raw[i] * f.r();
        }
        if (fullPrecision) {
            long[] acc = Matmul.multiply(normalized, cfg);
            return new TokenResult(OutputStage.rounded(acc, f.shiftFor(outFrac), cfg), acc, f, statistics);
        }
        int shift = f.shiftFor(actFrac);
        long[] a = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            a[i] = saturate.applyAsLong(Rounding.roundShift(normalized[i], shift));
        }
        long[] acc = Matmul.multiply(a, cfg);
        return new TokenResult(OutputStage.shiftedUp(acc, outFrac - actFrac, cfg), acc, f, statistics);
    }
}
