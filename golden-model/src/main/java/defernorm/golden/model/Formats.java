package defernorm.golden.model;

/**
 * Fixed formats shared by the model and the RTL (all documented in docs/numerics.md).
 *
 * <p>Scales: an int8 activation x means {@code sx * x}; int8 weight W[i][j] means {@code sw[j] * W[i][j]};
 * an output lane integer y[j] means {@code outScale[j] * y[j]}, see {@link LayerConfig#outScale}.
 */
public final class Formats {
    /** Activations, scores, weights and V: int8. */
    public static final int DATA_BITS = 8;
    /** Output lanes: int32, saturated. */
    public static final int OUT_BITS = 32;
    /** Bias words: int32. */
    public static final int BIAS_BITS = 32;
    /** LayerNorm/RMSNorm output fractional bits: y[j] = sw[j] * 2^-8 * out[j]. */
    public static final int NORM_OUT_FRAC = 8;
    /** Softmax output fractional bits: y[j] = sv[j] * 2^-16 * out[j]. */
    public static final int SOFTMAX_OUT_FRAC = 16;
    /** Standard LayerNorm/RMSNorm: normalized activations requantized to int8 with 4 fractional bits. */
    public static final int NORM_ACT_FRAC = 4;
    /** Standard softmax: probabilities requantized to uint8 0..255 with 8 fractional bits (1.0 saturates to 255). */
    public static final int PROB_FRAC = 8;
    /** Width of the factor mantissa r (unsigned, in [2^15, 2^16)). */
    public static final int FACTOR_BITS = 16;
    /** The factor R carries 2^-FACTOR_FRAC (times 2^-e): 1/sqrt(V) ~ R * 2^-(31+e). */
    public static final int FACTOR_FRAC = 31;
    /** Largest allowed epsilon word E (exclusive). */
    public static final long MAX_EPS = 1L << 40;
    /** Largest allowed softmax score multiplier L (exclusive). */
    public static final long MAX_SCORE_MUL = 1L << 16;

    private Formats() {}

    /** Output fractional bits of an op. */
    public static int outFrac(Op op) {
        return op == Op.SOFTMAX ? SOFTMAX_OUT_FRAC : NORM_OUT_FRAC;
    }

    /** Fractional bits of the standard variant's requantized activations for an op. */
    public static int actFrac(Op op) {
        return op == Op.SOFTMAX ? PROB_FRAC : NORM_ACT_FRAC;
    }
}
