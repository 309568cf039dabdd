package defernorm.golden.model;

/**
 * The LayerNorm/RMSNorm reduction of one token: S1 = sum x, S2 = sum x^2, and the integer variance
 * word V = n*S2 - S1^2 + E (LAYERNORM) or V = n*S2 + E (RMSNORM). Exact integers: V = n^2 (sigma^2 + eps)/sx^2
 * (LayerNorm) and n^2 (mean(x^2) + eps)/sx^2 (RMSNorm) up to the rounding of E.
 *
 * <pre>{@code
 * NormStatistics st = NormStatistics.of(Op.RMSNORM, token, cfg.eps());
 * Factor f = Factor.inverseSqrt(st.v());
 * }</pre>
 */
public record NormStatistics(long s1, long s2, long v) {
    /** Reduction of one token. */
    public static NormStatistics of(Op op, byte[] x, long eps) {
        long s1 = 0;
        long s2 = 0;
        for (byte xi : x) {
            s1 += xi;
            s2 += (long) xi * xi;
        }
        long n = x.length;
        long v = n * s2 + eps - (op == Op.LAYERNORM ? s1 * s1 : 0);
        return new NormStatistics(s1, s2, v);
    }

    /** The centered, n-scaled activation the standard variant normalizes: n*x - S1 (LayerNorm) or n*x (RMSNorm). */
    public long centered(Op op, int n, long x) {
        return n * x - (op == Op.LAYERNORM ? s1 : 0);
    }

    long[] asArray() {
        return new long[] {s1, s2, v};
    }
}
