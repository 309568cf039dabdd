package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;

/**
 * Softmax deferred (online, FlashAttention-style): each beat's p[i] (relative to the running max M_k)
 * goes straight into the MAC array; when the max grows by delta, every accumulator is rescaled by the
 * same rounding right shift as den: acc[j] = roundShift(acc[j], delta) + sum p[i] V[i][j].
 * Then out[j] = sat32(roundShift(acc[j] * r, 31 + e - 16) + bias[j]) with r, e = reciprocal(den).
 */
final class SoftmaxDeferred extends ConfiguredDatapath {
    SoftmaxDeferred(LayerConfig cfg) {
        super(cfg, "deferred");
    }

    @Override
    protected TokenResult run(byte[] s) {
        OnlineSoftmax red = OnlineSoftmax.run(s, cfg.scoreMul(), cfg.params().p());
        long[] acc = accumulate(s, cfg.scoreMul(), cfg.params().p(), cfg.weights(), red);
        return scale(acc, red.max(), red.den(), cfg);
    }

    /**
     * The MAC array's online accumulation of the scores {@code s} against their weight rows ({@code rows[i]}
     * for score i), beat by beat with P lanes, relative to the running max of {@code red} (its run on s):
     * accumulators end relative to {@code red.max()}.
     */
    static long[] accumulate(byte[] s, long l, int p, byte[][] rows, OnlineSoftmax red) {
        long[] acc = new long[rows[0].length];
        long prevMax = 0;
        for (int k = 0; k < s.length / p; k++) {
            long mk = red.beatMax()[k];
            int delta = k == 0 ? 0 : OnlineSoftmax.clampShift(mk - prevMax);
            prevMax = mk;
            for (int j = 0; j < acc.length; j++) {
                acc[j] = Rounding.roundShift(acc[j], delta);
            }
            for (int i = k * p; i < (k + 1) * p; i++) {
                Matmul.accumulate(acc, OnlineSoftmax.exp(s[i], l, mk), rows[i]);
            }
        }
        return acc;
    }

    /** The final scale by 1/den of accumulators relative to {@code max}. */
    static TokenResult scale(long[] acc, long max, long den, LayerConfig cfg) {
        Factor f = Factor.reciprocal(den);
        long[] out = OutputStage.scaled(acc, f.r(), f.shiftFor(Formats.SOFTMAX_OUT_FRAC), cfg);
        return new TokenResult(out, acc, f, new long[] {max, den});
    }
}
