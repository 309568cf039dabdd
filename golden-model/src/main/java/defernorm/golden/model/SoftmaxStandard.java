package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.fixed.Saturate;

/**
 * Softmax standard: the online reduction gives the global max M and den while the scores go into the
 * activation buffer; then each buffered score is read back, p[i] = exp2(u[i] - (M << 12)), and
 * multiplied by r. Requantized: q[i] = clamp(roundShift(p[i] r, 31 + e - 7), 0, 127),
 * out[j] = sat32((sum q[i] V[i][j]) << 9 + bias[j]). Full precision: out[j] =
 * sat32(roundShift(sum (p[i] r) V[i][j], 31 + e - 16) + bias[j]).
 */
final class SoftmaxStandard implements Datapath {
    private final LayerConfig cfg;
    private final boolean fullPrecision;

    SoftmaxStandard(LayerConfig cfg, boolean fullPrecision) {
        this.cfg = cfg;
        this.fullPrecision = fullPrecision;
    }

    @Override
    public LayerConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return fullPrecision ? "softmax/standard-full" : "softmax/standard";
    }

    @Override
    public TokenResult process(byte[] s) {
        checkToken(s);
        int n = cfg.params().n();
        int m = cfg.params().m();
        long l = cfg.scoreMul();
        OnlineSoftmax red = OnlineSoftmax.run(s, l, cfg.params().p());
        Factor f = Factor.reciprocal(red.den());
        long[] prob = new long[n];
        for (int i = 0; i < n; i++) {
            prob[i] = OnlineSoftmax.exp(s[i], l, red.max()) * f.r();
        }
        long[] out = new long[m];
        long[] acc;
        if (fullPrecision) {
            acc = Matmul.multiply(prob, cfg);
            int shift = f.shiftFor(Formats.SOFTMAX_OUT_FRAC);
            for (int j = 0; j < m; j++) {
                out[j] = Saturate.signed(Rounding.roundShift(acc[j], shift) + cfg.bias()[j], Formats.OUT_BITS);
            }
        } else {
            int probShift = f.shiftFor(Formats.PROB_FRAC);
            long[] q = new long[n];
            for (int i = 0; i < n; i++) {
                q[i] = Saturate.range(Rounding.roundShift(prob[i], probShift), 0, 127);
            }
            acc = Matmul.multiply(q, cfg);
            int up = Formats.SOFTMAX_OUT_FRAC - Formats.PROB_FRAC;
            for (int j = 0; j < m; j++) {
                out[j] = Saturate.signed((acc[j] << up) + cfg.bias()[j], Formats.OUT_BITS);
            }
        }
        return new TokenResult(out, acc, f, new long[] {red.max(), red.den()});
    }
}
