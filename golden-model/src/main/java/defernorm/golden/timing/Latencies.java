package defernorm.golden.timing;

import defernorm.golden.fixed.Isqrt;
import defernorm.golden.fixed.Reciprocal;

/**
 * Every fixed pipeline depth of the datapaths, as a count of registers. The RTL generator reads these
 * to build its pipelines; {@link Schedule} composes them into the closed-form output cycles. Every
 * constant is "one register per level / per restoring step"; see {@code docs/timing.md} for where each
 * register sits.
 *
 * <pre>{@code
 * int d = Latencies.mac(16);              // MUL + 4 tree levels + ACC = 6
 * int f = Latencies.normFactor();         // 37 registers from the gathered statistics to the factor
 * }</pre>
 */
public final class Latencies {
    /** The input register: an accepted beat is registered at its handshake edge. */
    public static final int INPUT = 1;
    /** The P x Q int8 multipliers of the MAC array. */
    public static final int MUL = 1;
    /** The accumulator register (MAC array accumulators, reduction beat accumulators, den). */
    public static final int ACC = 1;
    /** Output stage of matmul-only and standard: drain-bank read, then shift + bias add + saturate. */
    public static final int OUTPUT = 2;
    /** Final scale stage of deferred: drain-bank read, multiply by factor, rounding shift, bias add + saturate. */
    public static final int FINAL_SCALE = 4;

    /** LayerNorm/RMSNorm reduction front: x and x^2 per lane. */
    public static final int SQUARE = 1;
    /** V = n*S2 - S1^2 + E: one multiply register, one add register. */
    public static final int VARIANCE = 2;
    /** Leading-one detect register, then barrel-shift register. */
    public static final int NORMALIZE_SHIFT = 2;
    /** Square root of the 32-bit normalized variance: one register per restoring step. */
    public static final int ISQRT = Isqrt.steps(32);
    /** 16-bit reciprocal: one register per restoring step. */
    public static final int RECIPROCAL = Reciprocal.steps();
    /** Factor output register (LayerNorm/RMSNorm: times n; softmax: pass-through). */
    public static final int FACTOR_SCALE = 1;

    /** Softmax: u = s * L per lane. */
    public static final int SCORE_SCALE = 1;
    /** Softmax: running-max update register (M_k = max(M_{k-1}, beat max)). */
    public static final int RUNNING_MAX = 1;
    /** Softmax exp unit: subtract max and split, table lookup, rounding shift. */
    public static final int EXP = 3;

    /** Standard variant: activation-buffer read register. */
    public static final int BUFFER_READ = 1;
    /** Standard LayerNorm/RMSNorm normalize stage: center (n*x - S1), multiply by R, round + saturate. */
    public static final int NORMALIZE_LANE = 3;
    /** Standard softmax normalize stage: u = s*L, exp (3), multiply by R, round + saturate. */
    public static final int NORMALIZE_SOFTMAX_LANE = SCORE_SCALE + EXP + 2;

    private Latencies() {}

    /**
     * TRANSITIONAL (removed once every top reports its own depths): the depths the line-rate tops have
     * when built from the units above.
     */
    public static PipelineDepths nominal(defernorm.golden.model.Op op, defernorm.golden.model.Variant v, defernorm.golden.model.Params prm) {
        boolean sm = op == defernorm.golden.model.Op.SOFTMAX;
        int p = prm.p();
        int front = softmaxExpFront(p);
        int write = sm && v == defernorm.golden.model.Variant.DEFERRED ? front + 1 : 0;
        int reduction = INPUT - 1 + (sm ? front + softmaxDenominator(p) : normReduction(p));
        int factor = sm ? softmaxFactor() : normFactor();
        int read = BUFFER_READ + (v == defernorm.golden.model.Variant.STANDARD ? (sm ? NORMALIZE_SOFTMAX_LANE : NORMALIZE_LANE) : 0);
        return switch (v) {
            case MATMUL -> new PipelineDepths(0, 0, 0, read, mac(p), OUTPUT, 0);
            case STANDARD -> new PipelineDepths(0, reduction, factor, read, mac(p), OUTPUT, 0);
            case DEFERRED -> new PipelineDepths(write, reduction, factor, read, mac(p), FINAL_SCALE, 4);
        };
    }

    /** Levels of a binary tree over {@code lanes} inputs: ceil(log2 lanes), 0 for one lane. */
    public static int treeLevels(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("a tree needs at least one lane, got " + lanes);
        }
        return 32 - Integer.numberOfLeadingZeros(lanes - 1);
    }

    /** Registers from the array's input register (excluded) to the accumulator (included). */
    public static int mac(int p) {
        return MUL + treeLevels(p) + ACC;
    }

    /** LayerNorm/RMSNorm: registers from the input register (excluded) to the beat accumulator (included). */
    public static int normReduction(int p) {
        return SQUARE + treeLevels(p) + ACC;
    }

    /** LayerNorm/RMSNorm nonlinear chain after the collective: variance, normalize, isqrt, reciprocal, times n. */
    public static int normFactor() {
        return VARIANCE + NORMALIZE_SHIFT + ISQRT + RECIPROCAL + FACTOR_SCALE;
    }

    /** Softmax: registers from the input register (excluded) to the exp output register (included). */
    public static int softmaxExpFront(int p) {
        return SCORE_SCALE + treeLevels(p) + RUNNING_MAX + EXP;
    }

    /** Softmax: registers from the exp output register (excluded) to the denominator register (included). */
    public static int softmaxDenominator(int p) {
        return treeLevels(p) + ACC;
    }

    /** Softmax nonlinear chain after the collective: normalize, reciprocal, output register. */
    public static int softmaxFactor() {
        return NORMALIZE_SHIFT + RECIPROCAL + FACTOR_SCALE;
    }
}
