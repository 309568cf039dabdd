package defernorm.golden.model;

import defernorm.golden.fixed.Saturate;

/**
 * Softmax standard: the online reduction gives the global max M and den while the scores go into the
 * activation buffer; then each buffered score is read back, p[i] = exp2(u[i] - (M << 12)), and
 * multiplied by r. Requantized to uint8: q[i] = clamp(roundShift(p[i] r, 31 + e - 8), 0, 255),
 * out[j] = sat32((sum q[i] V[i][j]) << 8 + bias[j]). Full precision: out[j] =
 * sat32(roundShift(sum (p[i] r) V[i][j], 31 + e - 16) + bias[j]).
 */
final class SoftmaxStandard extends StandardDatapath {
    SoftmaxStandard(LayerConfig cfg, boolean fullPrecision) {
        super(cfg, fullPrecision, Formats.PROB_FRAC, Formats.SOFTMAX_OUT_FRAC, v -> Saturate.range(v, 0, (1L << Formats.PROB_FRAC) - 1));
    }

    @Override
    protected TokenResult run(byte[] s) {
        OnlineSoftmax red = OnlineSoftmax.run(s, cfg.scoreMul(), cfg.params().p());
        return runWith(s, red.max(), red.den());
    }

    /** Normalizes every score with the given statistics {M, den} (a system's all-reduced ones), then the matmul. */
    TokenResult runWith(byte[] s, long max, long den) {
        long l = cfg.scoreMul();
        Factor f = Factor.reciprocal(den);
        long[] exp = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            exp[i] = OnlineSoftmax.exp(s[i], l, max);
        }
        return finish(exp, f, new long[] {max, den});
    }
}
