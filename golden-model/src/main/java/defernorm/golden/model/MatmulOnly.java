package defernorm.golden.model;

import defernorm.golden.fixed.Saturate;

/** Matmul-only (no normalization): out[j] = sat32(sum x[i] W[i][j] + bias[j]). The latency floor. */
final class MatmulOnly implements Datapath {
    private final LayerConfig cfg;

    MatmulOnly(LayerConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public LayerConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return cfg.op().name().toLowerCase() + "/matmul";
    }

    @Override
    public TokenResult process(byte[] x) {
        checkToken(x);
        long[] acc = Matmul.multiply(x, cfg);
        long[] out = new long[acc.length];
        for (int j = 0; j < acc.length; j++) {
            out[j] = Saturate.signed(acc[j] + cfg.bias()[j], Formats.OUT_BITS);
        }
        return new TokenResult(out, acc, null, new long[0]);
    }
}
