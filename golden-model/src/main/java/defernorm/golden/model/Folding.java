package defernorm.golden.model;

/**
 * Real-valued weight folding (the algebra of the deferred forms).
 *
 * <pre>{@code
 * double[][] fTilde = Folding.centeredWeights(gamma, f);   // (I - E/n) diag(gamma) F
 * double[] cStar = Folding.foldedBias(beta, f, b);         // b + beta F
 * }</pre>
 */
public final class Folding {
    private Folding() {}

    /** diag(g) W. */
    public static double[][] scaledWeights(double[] g, double[][] w) {
        int n = w.length;
        int m = w[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = g[i] * w[i][j];
            }
        }
        return out;
    }

    /** F~ = (I - E/n) diag(gamma) F: F~[i][j] = gamma[i] F[i][j] - (1/n) sum_k gamma[k] F[k][j]. */
    public static double[][] centeredWeights(double[] gamma, double[][] f) {
        double[][] g = scaledWeights(gamma, f);
        int n = g.length;
        int m = g[0].length;
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (double[] row : g) {
                mean += row[j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                g[i][j] -= mean;
            }
        }
        return g;
    }

    /** c* = b + beta F. */
    public static double[] foldedBias(double[] beta, double[][] f, double[] b) {
        int m = b.length;
        double[] c = b.clone();
        for (int i = 0; i < f.length; i++) {
            for (int j = 0; j < m; j++) {
                c[j] += beta[i] * f[i][j];
            }
        }
        return c;
    }
}
