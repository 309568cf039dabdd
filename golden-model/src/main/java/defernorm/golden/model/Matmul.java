package defernorm.golden.model;

/** The MAC array's arithmetic (exact, so beat/group order does not matter): acc[j] = sum_i a[i] W[i][j]. */
final class Matmul {
    private Matmul() {}

    static long[] multiply(byte[] a, LayerConfig cfg) {
        long[] wide = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            wide[i] = a[i];
        }
        return multiply(wide, cfg);
    }

    static long[] multiply(long[] a, LayerConfig cfg) {
        int m = cfg.params().m();
        long[] acc = new long[m];
        byte[][] w = cfg.weights();
        for (int i = 0; i < a.length; i++) {
            long ai = a[i];
            if (ai == 0) {
                continue;
            }
            byte[] row = w[i];
            for (int j = 0; j < m; j++) {
                acc[j] += ai * row[j];
            }
        }
        return acc;
    }
}
