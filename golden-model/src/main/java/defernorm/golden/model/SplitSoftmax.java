package defernorm.golden.model;

/**
 * The pieces of the softmax datapaths a system reuses when it splits the scores along the key dimension
 * over tiles (split-K, like flash decoding; docs/system.md): each tile's online accumulation over its own
 * scores, and the back halves given the all-reduced statistics {@code [M, D]}. The arithmetic is the single
 * datapaths' own, so a system and a single top share every rounding.
 *
 * <pre>{@code
 * OnlineSoftmax red = OnlineSoftmax.run(tileScores, cfg.scoreMul(), p);
 * long[] acc = SplitSoftmax.accumulate(tileScores, cfg.scoreMul(), p, tileRows, red);   // relative to red.max()
 * TokenResult out = SplitSoftmax.deferred(sumOfRescaledAcc, globalMax, globalDen, cfg);
 * }</pre>
 */
public final class SplitSoftmax {
    private SplitSoftmax() {}

    /** Softmax deferred's MAC-array accumulation of {@code s} (weight row {@code rows[i]} for score i), relative to {@code red.max()}. */
    public static long[] accumulate(byte[] s, long scoreMul, int p, byte[][] rows, OnlineSoftmax red) {
        return SoftmaxDeferred.accumulate(s, scoreMul, p, rows, red);
    }

    /** Softmax deferred's final scale of accumulators relative to the global {@code max}, by 1/{@code den}. */
    public static TokenResult deferred(long[] acc, long max, long den, LayerConfig cfg) {
        return SoftmaxDeferred.scale(acc, max, den, cfg);
    }

    /** Softmax standard on all n scores {@code s}, normalized with the global {@code max} and {@code den}. */
    public static TokenResult standard(byte[] s, long max, long den, LayerConfig cfg) {
        return new SoftmaxStandard(cfg, false).runWith(s, max, den);
    }
}
