package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.fixed.Saturate;

/**
 * LayerNorm/RMSNorm standard: statistics first, then each activation is normalized,
 * u[i] = (n*x[i] - S1) * r (RMSNorm: n*x[i]*r), and either requantized to int8 with 4 fractional bits,
 * a[i] = sat8(roundShift(u[i], 31 + e - 4)), then out[j] = sat32((sum a[i] W[i][j]) << 4 + bias[j]);
 * or (full precision) kept exact: out[j] = sat32(roundShift(sum u[i] W[i][j], 31 + e - 8) + bias[j]).
 */
final class NormStandard implements Datapath {
    private final LayerConfig cfg;
    private final boolean fullPrecision;

    NormStandard(LayerConfig cfg, boolean fullPrecision) {
        this.cfg = cfg;
        this.fullPrecision = fullPrecision;
    }

    @Override
    public LayerConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return cfg.op().name().toLowerCase() + (fullPrecision ? "/standard-full" : "/standard");
    }

    @Override
    public TokenResult process(byte[] x) {
        checkToken(x);
        int n = cfg.params().n();
        int m = cfg.params().m();
        NormStatistics st = NormStatistics.of(cfg.op(), x, cfg.eps());
        Factor f = Factor.inverseSqrt(st.v());
        long[] u = new long[n];
        for (int i = 0; i < n; i++) {
            u[i] = st.centered(cfg.op(), n, x[i]) * f.r();
        }
        long[] out = new long[m];
        long[] acc;
        if (fullPrecision) {
            acc = Matmul.multiply(u, cfg);
            int shift = f.shiftFor(Formats.NORM_OUT_FRAC);
            for (int j = 0; j < m; j++) {
                out[j] = Saturate.signed(Rounding.roundShift(acc[j], shift) + cfg.bias()[j], Formats.OUT_BITS);
            }
        } else {
            int actShift = f.shiftFor(Formats.NORM_ACT_FRAC);
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = Saturate.signed(Rounding.roundShift(u[i], actShift), Formats.DATA_BITS);
            }
            acc = Matmul.multiply(a, cfg);
            int up = Formats.NORM_OUT_FRAC - Formats.NORM_ACT_FRAC;
            for (int j = 0; j < m; j++) {
                out[j] = Saturate.signed((acc[j] << up) + cfg.bias()[j], Formats.OUT_BITS);
            }
        }
        return new TokenResult(out, acc, f, st.asArray());
    }
}
