package defernorm.golden.reference;

/**
 * The float64 reference of the three fused ops, numerically careful: compensated (Neumaier) sums,
 * two-pass variance, max-subtracted softmax. This is what the integer datapaths are measured against.
 *
 * <pre>{@code
 * double[] y = Reference.rmsNormLinear(x, g, w, b, 1e-5);
 * double[] o = Reference.softmaxTimes(scores, v);
 * }</pre>
 */
public final class Reference {
    private Reference() {}

    /** y = (r (x - mu) (.) gamma + beta) F + b, r = 1/sqrt(var + eps). */
    public static double[] layerNormLinear(double[] x, double[] gamma, double[] beta, double[][] f, double[] b, double eps) {
        return linear(layerNorm(x, gamma, beta, eps), f, b);
    }

    /** y = (x / rms(x) (.) g) W + b, rms = sqrt(mean(x^2) + eps). */
    public static double[] rmsNormLinear(double[] x, double[] g, double[][] w, double[] b, double eps) {
        return linear(rmsNorm(x, g, eps), w, b);
    }

    /** y = softmax(s) V. */
    public static double[] softmaxTimes(double[] s, double[][] v) {
        return linear(softmax(s), v, new double[v[0].length]);
    }

    /** LayerNorm with two-pass compensated statistics. */
    public static double[] layerNorm(double[] x, double[] gamma, double[] beta, double eps) {
        int n = x.length;
        double mu = sum(x) / n;
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = (x[i] - mu) * (x[i] - mu);
        }
        double r = 1.0 / Math.sqrt(sum(d2) / n + eps);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (x[i] - mu) * r * gamma[i] + beta[i];
        }
        return out;
    }

    /** RMSNorm. */
    public static double[] rmsNorm(double[] x, double[] g, double eps) {
        int n = x.length;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = x[i] * x[i];
        }
        double r = 1.0 / Math.sqrt(sum(sq) / n + eps);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[i] * r * g[i];
        }
        return out;
    }

    /** Softmax with the maximum subtracted. */
    public static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(s[i] - max);
        }
        double den = sum(e);
        for (int i = 0; i < s.length; i++) {
            e[i] /= den;
        }
        return e;
    }

    /** a F + b with compensated column sums. */
    public static double[] linear(double[] a, double[][] f, double[] b) {
        int m = f[0].length;
        double[] y = new double[m];
        double[] col = new double[a.length];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < a.length; i++) {
                col[i] = a[i] * f[i][j];
            }
            y[j] = sum(col) + b[j];
        }
        return y;
    }

    /** Neumaier compensated sum. */
    public static double sum(double[] v) {
        double s = 0;
        double c = 0;
        for (double x : v) {
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return s + c;
    }
}
