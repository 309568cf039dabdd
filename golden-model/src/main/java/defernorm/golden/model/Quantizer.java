package defernorm.golden.model;

/**
 * From a real-valued problem to the hardware configuration plus int8 inputs (docs/numerics.md, section 2).
 * Weights: symmetric per-column int8 (-127..127), scale sw[j] = max_i |w[i][j]| / 127. Inputs: int8 with
 * a per-layer scale chosen by the caller (e.g. {@link #scaleFor} of a calibration set's max |x|).
 *
 * <pre>{@code
 * double sx = Quantizer.scaleFor(maxAbsX);
 * QuantizedLayer ql = Quantizer.quantize(NormLayer.rmsNorm(g, w, b, 1e-5), new Params(n, m, 8, 8, 0), sx);
 * QuantizedLayer att = Quantizer.quantizeAttention(v, new Params(n, m, 8, 8, 0), ss);
 * }</pre>
 */
public final class Quantizer {
    private static final double LOG2_E = 1.0 / Math.log(2.0);

    private Quantizer() {}

    /** The int8 scale that maps max |value| to 127. */
    public static double scaleFor(double maxAbs) {
        return maxAbs > 0 ? maxAbs / 127.0 : 1.0;
    }

    /** round(x / scale) (half up), saturated to int8. */
    public static byte[] quantizeVector(double[] x, double scale) {
        byte[] q = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = (byte) Math.max(-128, Math.min(127, Math.floor(x[i] / scale + 0.5)));
        }
        return q;
    }

    /** LayerNorm/RMSNorm -> Linear: fold gamma (and F~ for LayerNorm) into the weights, beta into the bias. */
    public static QuantizedLayer quantize(NormLayer layer, Params params, double sx) {
        checkShape(params, layer.n(), layer.m());
        int n = layer.n();
        int m = layer.m();
        double[][] folded = layer.op() == Op.LAYERNORM
                ? Folding.centeredWeights(layer.gamma(), layer.f())
                : Folding.scaledWeights(layer.gamma(), layer.f());
        double[] cStar = Folding.foldedBias(layer.beta(), layer.f(), layer.b());
        double[] sw = new double[m];
        byte[][] w = new byte[n][m];
        for (int j = 0; j < m; j++) {
            sw[j] = quantizeColumn(folded, j, w, layer.op() == Op.LAYERNORM);
        }
        double[] outScale = new double[m];
        double[] mmScale = new double[m];
        long[] bias = new long[m];
        for (int j = 0; j < m; j++) {
            outScale[j] = sw[j] / (1 << Formats.NORM_OUT_FRAC);
            mmScale[j] = sx * sw[j];
            bias[j] = Math.round(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, cStar[j] / outScale[j])));
        }
        if (!(sx > 0)) {
            throw new IllegalArgumentException("the input scale sx must be positive, got " + sx + ".");
        }
        double e = (double) n * n * layer.eps() / (sx * sx);
        if (e + 0.5 >= Formats.MAX_EPS) {
            throw new IllegalArgumentException("the input scale sx=" + sx + " is so small against eps=" + layer.eps()
                    + " that the epsilon word n^2 eps / sx^2 reaches 2^40.");
        }
        long eps = (long) Math.max(1, Math.floor(e + 0.5));
        LayerConfig cfg = new LayerConfig(layer.op(), params, w, bias, eps);
        return new QuantizedLayer(cfg, new Scales(sx, outScale, mmScale));
    }

    /** Softmax -> P*V: V per column int8; L = round(ss * log2(e) * 2^12); bias 0. */
    public static QuantizedLayer quantizeAttention(double[][] v, Params params, double ss) {
        int n = v.length;
        int m = v[0].length;
        checkShape(params, n, m);
        double[] sv = new double[m];
        byte[][] w = new byte[n][m];
        for (int j = 0; j < m; j++) {
            sv[j] = quantizeColumn(v, j, w, false);
        }
        double[] outScale = new double[m];
        for (int j = 0; j < m; j++) {
            outScale[j] = sv[j] / (1 << Formats.SOFTMAX_OUT_FRAC);
        }
        long l = (long) Math.floor(ss * LOG2_E * (1 << defernorm.golden.fixed.Exp2.LOG_FRAC) + 0.5);
        if (l < 1 || l >= Formats.MAX_SCORE_MUL) {
            throw new IllegalArgumentException("score scale " + ss + " gives L=" + l + ", outside [1, 2^16).");
        }
        double[] mmScale = new double[m];
        for (int j = 0; j < m; j++) {
            mmScale[j] = ss * sv[j];
        }
        LayerConfig cfg = new LayerConfig(Op.SOFTMAX, params, w, new long[m], l);
        return new QuantizedLayer(cfg, new Scales(ss, outScale, mmScale));
    }

    private static void checkShape(Params params, int n, int m) {
        if (params.n() != n || params.m() != m) {
            throw new IllegalArgumentException("params say n=" + params.n() + ", m=" + params.m()
                    + " but the layer is " + n + " x " + m + ".");
        }
    }

    /**
     * Quantizes column j of {@code a} into {@code out}, returns its scale. With {@code zeroSum} the
     * rounding residual is moved onto the entries rounded furthest in its direction so the column sums
     * to exactly 0 (valid because the real column sums to 0).
     */
    private static double quantizeColumn(double[][] a, int j, byte[][] out, boolean zeroSum) {
        int n = a.length;
        double max = 0;
        for (double[] row : a) {
            max = Math.max(max, Math.abs(row[j]));
        }
        double s = max > 0 ? max / 127.0 : 1.0;
        long sum = 0;
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            double t = a[i][j] / s;
            long q = Math.max(-127, Math.min(127, (long) Math.floor(t + 0.5)));
            out[i][j] = (byte) q;
            err[i] = q - t;
            sum += q;
        }
        while (zeroSum && sum != 0) {
            int dir = sum > 0 ? -1 : 1;
            int best = -1;
            for (int i = 0; i < n; i++) {
                int next = out[i][j] + dir;
                if (next < -127 || next > 127) {
                    continue;
                }
                if (best < 0 || -dir * err[i] > -dir * err[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("cannot make weight column " + j + " sum to zero within -127..127");
            }
            out[best][j] = (byte) (out[best][j] + dir);
            err[best] += dir;
            sum += dir;
        }
        return s;
    }
}
