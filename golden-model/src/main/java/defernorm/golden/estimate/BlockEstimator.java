package defernorm.golden.estimate;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.DepthSource;
import defernorm.golden.timing.Schedule;

/**
 * Composes the cycle-accurate unit schedules into one Llama decoder block: the block's ops run one
 * after another (each depends on the previous), each op streams its rows back to back at line rate (time =
 * {@link Schedule#totalCycles}). Fused ops use the chosen variant; plain matmuls use matmul-only. The depths
 * are the hardware's ({@code depths}, e.g. {@code TopGenerator::depths}). Attention is per head; prefill
 * treats every query row as attending to the whole sequence (non-causal upper bound), decode has one query
 * row per head over the context.
 *
 * <p>With {@code tiles} = K > 1 the block is spread over K identical P x Q tiles working in parallel
 * (tensor parallelism as in the paper's Corsair): the projections split their input dimension n over
 * the tiles, so the RMSNorm statistics need the collective (C cycles); attention splits its heads, so
 * softmax needs no collective (its C is 0). The partial-sum reduction of the projections' outputs is
 * the same in both variants and not modeled. Slices that P or Q does not divide are padded.
 *
 * <pre>{@code
 * BlockEstimator est = new BlockEstimator(TopGenerator::depths, 64, 64, 100, 1);
 * BlockEstimate std = est.block(ModelShape.LLAMA2_7B, Variant.STANDARD, 2048, 2048);
 * }</pre>
 *
 * @param depths where the pipeline depths come from (the hardware)
 * @param p      input lanes of a tile's MAC array
 * @param q      output lanes of a tile's MAC array
 * @param c      collective latency in cycles
 * @param tiles  tiles working in parallel
 */
public record BlockEstimator(DepthSource depths, int p, int q, int c, int tiles) {
    public BlockEstimator {
        if (tiles < 1) {
            throw new IllegalArgumentException("tiles must be at least 1, got " + tiles + ".");
        }
    }

    /**
     * One block.
     *
     * @param rows    token rows processed (= sequence length for prefill, 1 for decode)
     * @param context keys each query attends to
     */
    public BlockEstimate block(ModelShape s, Variant variant, int rows, int context) {
        int d = s.hidden() / tiles;  // a slice that does not divide evenly is padded up to a multiple of P
        int ctx = roundUp(context, Math.max(p, q));
        long headRows = (long) rows * ((s.heads() + tiles - 1) / tiles);
        long fused = op(Op.RMSNORM, variant, d, s.qkvWidth(), rows, c)
                + op(Op.SOFTMAX, variant, ctx, s.headDim(), headRows, 0)
                + op(Op.RMSNORM, variant, d, 2 * s.ffn(), rows, c);
        long plain = op(Op.SOFTMAX, Variant.MATMUL, s.headDim(), ctx, headRows, 0)
                + op(Op.RMSNORM, Variant.MATMUL, d, d, rows, 0)
                + op(Op.RMSNORM, Variant.MATMUL, s.ffn() / tiles, d, rows, 0);
        return new BlockEstimate(fused, plain);
    }

    private long op(Op op, Variant v, int n, int m, long rows, int collective) {
        // one tile: C stands for moving every reduction to the scalar unit, softmax included
        int pp = Math.min(p, n);
        int qq = Math.min(q, m);
        Params prm = new Params(roundUp(n, pp), roundUp(m, qq), pp, qq, tiles == 1 ? c : collective);
        return depths.schedule(op, v, prm).totalCycles(rows);
    }

    private static int roundUp(int v, int k) {
        return (v + k - 1) / k * k;
    }
}
