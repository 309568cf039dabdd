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
        int p = cfg.params().p();
        long l = cfg.scoreMul();
        OnlineSoftmax red = OnlineSoftmax.run(s, l, p);
        long[] acc = new long[cfg.params().m()];
        long prevMax = 0;
        for (int k = 0; k < cfg.params().beats(); k++) {
            long mk = red.beatMax()[k];
            int delta = k == 0 ? 0 : OnlineSoftmax.clampShift(mk - prevMax);
            prevMax = mk;
            for (int j = 0; j < acc.length; j++) {
                acc[j] = Rounding.roundShift(acc[j], delta);
            }
            for (int i = k * p; i < (k + 1) * p; i++) {
                Matmul.accumulate(acc, OnlineSoftmax.exp(s[i], l, mk), cfg.weights()[i]);
            }
        }
        Factor f = Factor.reciprocal(red.den());
        long[] out = OutputStage.scaled(acc, f.r(), f.shiftFor(Formats.SOFTMAX_OUT_FRAC), cfg);
        return new TokenResult(out, acc, f, red.asArray());
    }
}
