package defernorm.golden.model;

/**
 * LayerNorm/RMSNorm deferred: acc[j] = sum x[i] W[i][j] on the raw int8 activations, beside the
 * reduction; then out[j] = sat32(roundShift(acc[j] * (n*r), 31 + e - 8) + bias[j]).
 */
final class NormDeferred extends ConfiguredDatapath {
    NormDeferred(LayerConfig cfg) {
        super(cfg, "deferred");
    }

    @Override
    protected TokenResult run(byte[] x) {
        long[] acc = Matmul.multiply(x, cfg);
        NormStatistics st = NormStatistics.of(cfg.op(), x, cfg.eps());
        Factor f = Factor.inverseSqrt(st.v());
        long rn = cfg.params().n() * f.r();
        long[] out = OutputStage.scaled(acc, rn, f.shiftFor(Formats.NORM_OUT_FRAC), cfg);
        return new TokenResult(out, acc, f, st.asArray());
    }
}
