package defernorm.golden.model;

/**
 * The proven bound on how far softmax deferred's output lanes can be from the full-precision standard
 * variant's (docs/numerics.md, section 4): zero when the running max never grows after the first beat.
 *
 * <pre>{@code
 * long[] bound = SoftmaxBound.outputBound(cfg, scores);
 * // |deferred.lanes[j] - standardFull.lanes[j]| <= bound[j]
 * }</pre>
 */
public final class SoftmaxBound {
    private SoftmaxBound() {}

    /**
     * Bound on |acc_def[j] - sum_i p*[i] V[i][j]|, times 2 to stay integral:
     * 2 B_j = sum over beats k with D_k > 0 of sum_i (1 + 2^-D_k) |V[i][j]|, plus 2.
     * Returned as doubles (exact for the sizes used).
     */
    public static double[] accumulatorBound(LayerConfig cfg, byte[] scores) {
        int p = cfg.params().p();
        int m = cfg.params().m();
        OnlineSoftmax red = OnlineSoftmax.run(scores, cfg.scoreMul(), p);
        double[] b = new double[m];
        boolean anyShift = false;
        for (int k = 0; k < cfg.params().beats(); k++) {
            long d = red.laterShift(k);
            if (d == 0) {
                continue;
            }
            anyShift = true;
            double perElement = 0.5 + Math.pow(2, -(Math.min(d, 1000) + 1));
            for (int i = k * p; i < (k + 1) * p; i++) {
                for (int j = 0; j < m; j++) {
                    b[j] += perElement * Math.abs(cfg.w(i, j));
                }
            }
        }
        if (anyShift) {
            for (int j = 0; j < m; j++) {
                b[j] += 1;
            }
        }
        return b;
    }

    /** Bound on |out_def[j] - out_standardFull[j]|: ceil(B_j r / 2^(31+e-16)) + 1, 0 without rescales. */
    public static long[] outputBound(LayerConfig cfg, byte[] scores) {
        double[] b = accumulatorBound(cfg, scores);
        OnlineSoftmax red = OnlineSoftmax.run(scores, cfg.scoreMul(), cfg.params().p());
        Factor f = Factor.reciprocal(red.den());
        double scale = f.r() / Math.pow(2, f.shiftFor(Formats.SOFTMAX_OUT_FRAC));
        long[] out = new long[b.length];
        for (int j = 0; j < b.length; j++) {
            out[j] = b[j] == 0 ? 0 : (long) Math.ceil(b[j] * scale) + 1;
        }
        return out;
    }
}
