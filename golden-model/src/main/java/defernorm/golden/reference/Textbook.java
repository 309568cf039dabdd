package defernorm.golden.reference;

/**
 * The literal textbook formulas, plain loops, no numerical care: LayerNorm, RMSNorm, softmax
 * (exp(s)/sum exp(s), no max subtraction) and a plain vector-matrix product. Used only to check
 * {@link Reference}.
 *
 * <pre>{@code
 * double[] p = Textbook.softmax(new double[] {1, 2, 3});
 * }</pre>
 */
public final class Textbook {
    private Textbook() {}

    public static double[] layerNorm(double[] x, double[] gamma, double[] beta, double eps) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = gamma[i] * (x[i] - mean) / Math.sqrt(var + eps) + beta[i];
        }
        return y;
    }

    public static double[] rmsNorm(double[] x, double[] g, double eps) {
        int n = x.length;
        double ms = 0;
        for (double v : x) {
            ms += v * v;
        }
        double rms = Math.sqrt(ms / n + eps);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] / rms * g[i];
        }
        return y;
    }

    public static double[] softmax(double[] s) {
        double den = 0;
        for (double v : s) {
            den += Math.exp(v);
        }
        double[] p = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp(s[i]) / den;
        }
        return p;
    }

    public static double[] times(double[] a, double[][] f, double[] b) {
        int m = f[0].length;
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            double acc = b == null ? 0 : b[j];
            for (int i = 0; i < a.length; i++) {
                acc += a[i] * f[i][j];
            }
            y[j] = acc;
        }
        return y;
    }
}
