package defernorm.golden.accuracy;

import defernorm.golden.model.Folding;
import defernorm.golden.model.Formats;
import defernorm.golden.model.NormLayer;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Quantizer;
import defernorm.golden.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random and edge-case real-valued problems for the accuracy study. Layer weights are Gaussian
 * (F ~ N(0, 1/n), gamma ~ 1 + N(0, 0.2^2), beta, b ~ N(0, 0.1^2), eps = 1e-5); the input scale is
 * calibrated on the case's own tokens (max |x| / 127), as a static per-layer scale would be.
 *
 * <pre>{@code
 * List<Problem> all = Problems.all(256, 64, 8, 8, 50, 1L);
 * }</pre>
 */
public final class Problems {
    private static final double EPS = 1e-5;

    private Problems() {}

    /** Every case for every op. */
    public static List<Problem> all(int n, int m, int p, int q, int tokens, long seed) {
        List<Problem> out = new ArrayList<>();
        for (Op op : new Op[] {Op.LAYERNORM, Op.RMSNORM}) {
            out.add(norm(op, "random", n, m, p, q, seed, gaussianTokens(n, tokens, seed + 1, 0)));
            out.add(norm(op, "outlier channels", n, m, p, q, seed, gaussianTokens(n, tokens, seed + 2, 4)));
            out.add(norm(op, "zero variance", n, m, p, q, seed, constantTokens(n, tokens, seed + 3)));
            out.add(norm(op, "max magnitude", n, m, p, q, seed, extremeTokens(n, tokens, seed + 4)));
            out.add(norm(op, "one huge outlier", n, m, p, q, seed, hugeOutlierTokens(n, tokens, seed + 5)));
        }
        out.add(softmax("random (sigma 2)", n, m, p, q, seed, scoreTokens(n, tokens, seed + 6, 2.0)));
        out.add(softmax("peaked (sigma 6)", n, m, p, q, seed, scoreTokens(n, tokens, seed + 7, 6.0)));
        out.add(softmax("all equal", n, m, p, q, seed, constantTokens(n, tokens, seed + 8)));
        out.add(softmax("whole int8 range", n, m, p, q, seed, extremeTokens(n, tokens, seed + 9)));
        out.add(softmax("max in last beat", n, m, p, q, seed, rampTokens(n, tokens, seed + 10)));
        return out;
    }

    static Problem norm(Op op, String name, int n, int m, int p, int q, long seed, List<double[]> xs) {
        Random rnd = new Random(seed);
        double[] gamma = new double[n];
        double[] beta = new double[n];
        double[][] f = new double[n][m];
        double[] b = new double[m];
        for (int i = 0; i < n; i++) {
            gamma[i] = 1 + 0.2 * rnd.nextGaussian();
            beta[i] = op == Op.LAYERNORM ? 0.1 * rnd.nextGaussian() : 0;
            for (int j = 0; j < m; j++) {
                f[i][j] = rnd.nextGaussian() / Math.sqrt(n);
            }
        }
        for (int j = 0; j < m; j++) {
            b[j] = 0.1 * rnd.nextGaussian();
        }
        NormLayer layer = op == Op.LAYERNORM
                ? NormLayer.layerNorm(gamma, beta, f, b, EPS)
                : NormLayer.rmsNorm(gamma, f, b, EPS);
        double sx = Quantizer.scaleFor(maxAbs(xs));
        QuantizedLayer ql = Quantizer.quantize(layer, new Params(n, m, p, q, 0), sx);
        List<byte[]> tokens = xs.stream().map(ql::quantizeInput).toList();
        double[][] wq = dequantizedWeights(ql, 1 << Formats.NORM_OUT_FRAC);
        double[] cStar = Folding.foldedBias(beta, f, b);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] zeros = new double[n];
        return new Problem(op, name, ql, tokens, x -> op == Op.LAYERNORM
                ? Reference.layerNormLinear(x, gamma, beta, f, b, EPS)
                : Reference.rmsNormLinear(x, gamma, f, b, EPS),
                x -> Reference.linear(op == Op.LAYERNORM
                        ? Reference.layerNorm(x, ones, zeros, EPS)
                        : Reference.rmsNorm(x, ones, EPS), wq, cStar));
    }

    static Problem softmax(String name, int n, int m, int p, int q, long seed, List<double[]> ss) {
        Random rnd = new Random(seed + 100);
        double[][] v = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                v[i][j] = rnd.nextGaussian();
            }
        }
        double scale = Quantizer.scaleFor(Math.max(maxAbs(ss), 1e-3)) ;
        QuantizedLayer ql = Quantizer.quantizeAttention(v, new Params(n, m, p, q, 0), scale);
        List<byte[]> tokens = ss.stream().map(ql::quantizeInput).toList();
        double[][] vq = dequantizedWeights(ql, 1 << Formats.SOFTMAX_OUT_FRAC);
        return new Problem(Op.SOFTMAX, name, ql, tokens, s -> Reference.softmaxTimes(s, v),
                s -> Reference.softmaxTimes(s, vq));
    }

    /** W[i][j] * sw[j], recovering sw[j] from the output scale sw[j] * 2^-frac. */
    private static double[][] dequantizedWeights(QuantizedLayer ql, double twoToFrac) {
        int n = ql.config().params().n();
        int m = ql.config().params().m();
        double[][] w = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                w[i][j] = ql.config().w(i, j) * ql.scales().outScale()[j] * twoToFrac;
            }
        }
        return w;
    }

    private static double maxAbs(List<double[]> xs) {
        double mx = 0;
        for (double[] x : xs) {
            for (double v : x) {
                mx = Math.max(mx, Math.abs(v));
            }
        }
        return mx;
    }

    /** x ~ N(mu, 1) per token with mu ~ N(0, 0.5); with outliers > 0, that many channels scaled by 8x. */
    static List<double[]> gaussianTokens(int n, int count, long seed, int outliers) {
        Random rnd = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double mu = 0.5 * rnd.nextGaussian();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = mu + rnd.nextGaussian() * (i < outliers ? 8 : 1);
            }
            out.add(x);
        }
        return out;
    }

    static List<double[]> scoreTokens(int n, int count, long seed, double sigma) {
        Random rnd = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = sigma * rnd.nextGaussian();
            }
            out.add(x);
        }
        return out;
    }

    static List<double[]> constantTokens(int n, int count, long seed) {
        Random rnd = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[] x = new double[n];
            java.util.Arrays.fill(x, 3 * rnd.nextGaussian());
            out.add(x);
        }
        return out;
    }

    /** Every element at +-max (sign random): the extreme magnitudes of int8. */
    static List<double[]> extremeTokens(int n, int count, long seed) {
        Random rnd = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextBoolean() ? 4.0 : -4.0 * 128 / 127;
            }
            out.add(x);
        }
        return out;
    }

    /** N(0,1) plus one element at 100x. */
    static List<double[]> hugeOutlierTokens(int n, int count, long seed) {
        Random rnd = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian();
            }
            x[rnd.nextInt(n)] = 100;
            out.add(x);
        }
        return out;
    }

    /** Scores rising to the end: the running max grows in every beat (worst case for online softmax). */
    static List<double[]> rampTokens(int n, int count, long seed) {
        Random rnd = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 8.0 * i / n + 0.3 * rnd.nextGaussian();
            }
            out.add(x);
        }
        return out;
    }
}
