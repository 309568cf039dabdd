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
            accumulate(acc, a[i], w[i]);
        }
        return acc;
    }

    /** One MAC-array step: acc[j] += a * row[j] (skipped when a is 0: adding zeros changes nothing). */
    static void accumulate(long[] acc, long a, byte[] row) {
        if (a == 0) {
            return;
        }
        for (int j = 0; j < acc.length; j++) {
            acc[j] += a * row[j];
        }
    }
}
