package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * FlashNorm's worked example (Graef et al., arXiv 2407.09577) beside our cycle-accurate numbers:
 * a vector unit of {@code mf} lanes and a matrix unit of {@code mf^2} MACs, an {@code nf x nf} RMSNorm ->
 * Linear. We map it to P = Q = mf, n = m = nf, C = 0. The paper reports sequential 24 cycles (an 8-cycle
 * bubble, then the 16-cycle matmul) and deferred 17 for nf = 512, mf = 128, and the same at nf = 64, mf = 16.
 *
 * <pre>{@code
 * FlashNormExample ex = FlashNormExample.of(512, 128);
 * ex.ourStandard();   // 83
 * ex.ourDeferred();   // 66
 * }</pre>
 *
 * @param nf vector length (and output width)
 * @param mf vector lanes (the matrix unit is mf x mf)
 */
public record FlashNormExample(int nf, int mf) {
    /** The published figures. */
    public static final int PAPER_SEQUENTIAL = 24;
    public static final int PAPER_DEFERRED = 17;

    public static FlashNormExample of(int nf, int mf) {
        return new FlashNormExample(nf, mf);
    }

    /** Our parameter mapping. */
    public Params params() {
        return new Params(nf, nf, mf, mf, 0);
    }

    /** The matmul's cycle count in the paper's accounting: nf^2 / mf^2. */
    public int paperMatmul() {
        return nf / mf * (nf / mf);
    }

    private long latency(Variant v) {
        return new Schedule(Op.RMSNORM, v, params()).tokenLatency();
    }

    public long ourStandard() {
        return latency(Variant.STANDARD);
    }

    public long ourDeferred() {
        return latency(Variant.DEFERRED);
    }

    public long ourMatmul() {
        return latency(Variant.MATMUL);
    }

    /** Our reduction of deferred vs standard, as a fraction. */
    public double ourReduction() {
        return 1.0 - (double) ourDeferred() / ourStandard();
    }

    /** The paper's reduction: 1 - 17/24. */
    public static double paperReduction() {
        return 1.0 - (double) PAPER_DEFERRED / PAPER_SEQUENTIAL;
    }
}
