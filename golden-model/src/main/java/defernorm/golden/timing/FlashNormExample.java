package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * FlashNorm's worked example (Graef et al., arXiv 2407.09577) beside our cycle-accurate numbers:
 * a vector unit of {@code mf} lanes and a matrix unit of {@code mf^2} MACs, an {@code nf x nf} RMSNorm ->
 * Linear. We map it to P = Q = mf, n = m = nf, C = 0, with the depths the hardware reports. The paper
 * reports sequential 24 cycles (an 8-cycle bubble, then the 16-cycle matmul) and deferred 17 for
 * nf = 512, mf = 128, and the same at nf = 64, mf = 16.
 *
 * <pre>{@code
 * FlashNormExample ex = FlashNormExample.of(TopGenerator::depths, 64, 16);
 * ex.ourStandard();     // latency of token 0, standard variant
 * ex.ourReduction();    // 1 - deferred / standard
 * }</pre>
 *
 * @param depths where the pipeline depths come from (the hardware)
 * @param nf     vector length (and output width)
 * @param mf     vector lanes (the matrix unit is mf x mf)
 */
public record FlashNormExample(DepthSource depths, int nf, int mf) {
    /** The published figures. */
    public static final int PAPER_SEQUENTIAL = 24;
    public static final int PAPER_DEFERRED = 17;

    public static FlashNormExample of(DepthSource depths, int nf, int mf) {
        return new FlashNormExample(depths, nf, mf);
    }

    /** Our parameter mapping. */
    public Params params() {
        return new Params(nf, nf, mf, mf, 0);
    }

    /** The matmul's cycle count in the paper's accounting: nf^2 / mf^2. */
    public int paperMatmul() {
        return nf / mf * (nf / mf);
    }

    /** Our schedule of the RMSNorm datapath in {@code v} at this shape. */
    public Schedule schedule(Variant v) {
        return depths.schedule(Op.RMSNORM, v, params());
    }

    public long ourStandard() {
        return schedule(Variant.STANDARD).tokenLatency();
    }

    public long ourDeferred() {
        return schedule(Variant.DEFERRED).tokenLatency();
    }

    public long ourMatmul() {
        return schedule(Variant.MATMUL).tokenLatency();
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
