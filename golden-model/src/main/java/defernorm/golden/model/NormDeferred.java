package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.fixed.Saturate;

/**
 * LayerNorm/RMSNorm deferred: acc[j] = sum x[i] W[i][j] on the raw int8 activations, beside the
 * reduction; then out[j] = sat32(roundShift(acc[j] * (n*r), 31 + e - 8) + bias[j]).
 */
final class NormDeferred implements Datapath {
    private final LayerConfig cfg;

    NormDeferred(LayerConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public LayerConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return cfg.op().name().toLowerCase() + "/deferred";
    }

    @Override
    public TokenResult process(byte[] x) {
        checkToken(x);
        int n = cfg.params().n();
        long[] acc = Matmul.multiply(x, cfg);
        NormStatistics st = NormStatistics.of(cfg.op(), x, cfg.eps());
        Factor f = Factor.inverseSqrt(st.v());
        long rn = n * f.r();
        int shift = f.shiftFor(Formats.NORM_OUT_FRAC);
        long[] out = new long[acc.length];
        for (int j = 0; j < acc.length; j++) {
            out[j] = Saturate.signed(Rounding.roundShift(acc[j] * rn, shift) + cfg.bias()[j], Formats.OUT_BITS);
        }
        return new TokenResult(out, acc, f, st.asArray());
    }
}
