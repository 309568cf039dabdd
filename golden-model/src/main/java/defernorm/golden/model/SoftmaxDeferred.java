package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.fixed.Saturate;

/**
 * Softmax deferred (online, FlashAttention-style): each beat's p[i] (relative to the running max M_k)
 * goes straight into the MAC array; when the max grows by delta, every accumulator is rescaled by the
 * same rounding right shift as den: acc[j] = roundShift(acc[j], delta) + sum p[i] V[i][j].
 * Then out[j] = sat32(roundShift(acc[j] * r, 31 + e - 16) + bias[j]) with r, e = reciprocal(den).
 */
final class SoftmaxDeferred implements Datapath {
    private final LayerConfig cfg;

    SoftmaxDeferred(LayerConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public LayerConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return "softmax/deferred";
    }

    @Override
    public TokenResult process(byte[] s) {
        checkToken(s);
        int p = cfg.params().p();
        int m = cfg.params().m();
        long l = cfg.scoreMul();
        OnlineSoftmax red = OnlineSoftmax.run(s, l, p);
        long[] acc = new long[m];
        long prevMax = 0;
        for (int k = 0; k < cfg.params().beats(); k++) {
            long mk = red.beatMax()[k];
            int delta = k == 0 ? 0 : OnlineSoftmax.clampShift(mk - prevMax);
            prevMax = mk;
            for (int j = 0; j < m; j++) {
                acc[j] = Rounding.roundShift(acc[j], delta);
            }
            for (int i = k * p; i < (k + 1) * p; i++) {
                long pi = OnlineSoftmax.exp(s[i], l, mk);
                if (pi == 0) {
                    continue;
                }
                byte[] row = cfg.weights()[i];
                for (int j = 0; j < m; j++) {
                    acc[j] += pi * row[j];
                }
            }
        }
        Factor f = Factor.reciprocal(red.den());
        int shift = f.shiftFor(Formats.SOFTMAX_OUT_FRAC);
        long[] out = new long[m];
        for (int j = 0; j < m; j++) {
            out[j] = Saturate.signed(Rounding.roundShift(acc[j] * f.r(), shift) + cfg.bias()[j], Formats.OUT_BITS);
        }
        return new TokenResult(out, acc, f, new long[] {red.max(), red.den()});
    }
}
