package defernorm.testbench.dut;

import defernorm.golden.model.NormLayer;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Quantizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random real-valued problems, quantized the way the golden model documents: activations with a
 * per-token offset and spread (so the statistics matter), gamma near 1, small beta and bias, weights scaled
 * by 1/sqrt(n); for softmax, scores of varying spread and V of unit size.
 *
 * <pre>{@code LayerProblem p = Problems.random(Op.LAYERNORM, new Params(64, 32, 8, 4, 3), 300, 1L); }</pre>
 */
public final class Problems {
    private Problems() {}

    public static LayerProblem random(Op op, Params params, int tokens, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = params.n();
        int m = params.m();
        List<double[]> xs = new ArrayList<>();
        for (int t = 0; t < tokens; t++) {
            double offset = op == Op.SOFTMAX ? 0 : r.nextDouble(-1, 1);
            double spread = op == Op.SOFTMAX ? r.nextDouble(0.5, 4) : r.nextDouble(0.25, 2);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = offset + spread * gauss(r);
            xs.add(x);
        }
        RealLayer layer = op == Op.SOFTMAX ? RealLayer.attention(matrix(r, n, m, 1.0)) : RealLayer.norm(normLayer(op, r, n, m));
        double maxAbs = 0;
        for (double[] x : xs) for (double v : x) maxAbs = Math.max(maxAbs, Math.abs(v));
        QuantizedLayer q = layer.quantize(params, Quantizer.scaleFor(maxAbs));
        return new LayerProblem(layer, q, xs.stream().map(q::quantizeInput).toList());
    }

    /** The same layer with other tokens (e.g. the directed edge cases). */
    public static LayerProblem withTokens(LayerProblem p, List<byte[]> tokens) {
        return new LayerProblem(p.real(), p.quantized(), tokens);
    }

    private static NormLayer normLayer(Op op, SplittableRandom r, int n, int m) {
        double[] gamma = new double[n];
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            gamma[i] = 1 + 0.2 * gauss(r);
            beta[i] = 0.1 * gauss(r);
        }
        double[] b = new double[m];
        for (int j = 0; j < m; j++) b[j] = 0.1 * gauss(r);
        double[][] f = matrix(r, n, m, 1 / Math.sqrt(n));
        return op == Op.LAYERNORM ? NormLayer.layerNorm(gamma, beta, f, b, 1e-5) : NormLayer.rmsNorm(gamma, f, b, 1e-5);
    }

    private static double[][] matrix(SplittableRandom r, int n, int m, double scale) {
        double[][] a = new double[n][m];
        for (double[] row : a) for (int j = 0; j < m; j++) row[j] = scale * gauss(r);
        return a;
    }

    /** A standard normal sample (Box-Muller), so the generator stays a seeded SplittableRandom. */
    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
