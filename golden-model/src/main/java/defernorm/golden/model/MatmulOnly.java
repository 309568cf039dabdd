package defernorm.golden.model;

/** Matmul-only (no normalization): out[j] = sat32(sum x[i] W[i][j] + bias[j]). The latency floor. */
final class MatmulOnly extends ConfiguredDatapath {
    MatmulOnly(LayerConfig cfg) {
        super(cfg, "matmul");
    }

    @Override
    protected TokenResult run(byte[] x) {
        long[] acc = Matmul.multiply(x, cfg);
        return new TokenResult(OutputStage.biased(acc, cfg), acc, null, new long[0]);
    }
}
