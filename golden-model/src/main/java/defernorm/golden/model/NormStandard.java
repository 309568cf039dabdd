package defernorm.golden.model;

import defernorm.golden.fixed.Saturate;

/**
 * LayerNorm/RMSNorm standard: statistics first, then each activation is normalized,
 * u[i] = (n*x[i] - S1) * r (RMSNorm: n*x[i]*r), and either requantized to int8 with 4 fractional bits,
 * a[i] = sat8(roundShift(u[i], 31 + e - 4)), then out[j] = sat32((sum a[i] W[i][j]) << 4 + bias[j]);
 * or (full precision) kept exact: out[j] = sat32(roundShift(sum u[i] W[i][j], 31 + e - 8) + bias[j]).
 */
final class NormStandard extends StandardDatapath {
    NormStandard(LayerConfig cfg, boolean fullPrecision) {
        super(cfg, fullPrecision, Formats.NORM_ACT_FRAC, Formats.NORM_OUT_FRAC,
                v -> Saturate.signed(v, Formats.DATA_BITS));
    }

    @Override
    protected TokenResult run(byte[] x) {
        int n = cfg.params().n();
        NormStatistics st = NormStatistics.of(cfg.op(), x, cfg.eps());
        Factor f = Factor.inverseSqrt(st.v());
        long[] centered = new long[n];
        for (int i = 0; i < n; i++) {
            centered[i] = st.centered(cfg.op(), n, x[i]);
        }
        return finish(centered, f, st.asArray());
    }
}
