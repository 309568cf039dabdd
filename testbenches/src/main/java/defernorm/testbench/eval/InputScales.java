package defernorm.testbench.eval;

import defernorm.golden.model.Op;
import defernorm.golden.model.Quantizer;
import java.util.List;

/**
 * The real value of one int8 input step, per token, and the one scale the layer is configured with.
 * <ul>
 *   <li>static (the default): one scale for every token, {@code max|x| / 127} over all of them, or the
 *       request's {@code inScale};</li>
 *   <li>per token ({@code "inScale": "per-token"}, LayerNorm and RMSNorm only): each token gets
 *       {@code max|x_t| / 127}. The hardware can take this without any change because normalization is
 *       scale-invariant: {@code (s·q − μ)/σ} does not depend on s, so the outputs' scales do not either. The one
 *       place s remains is ε: the epsilon word is {@code n²ε / s²} for the configured s, here the largest
 *       token scale, so a token with a smaller scale s_t sees ε·(s_t/s)² ≤ ε. Softmax is not scale-invariant
 *       (its score multiplier L = s·log2(e)·2^12 is one configuration word), so it cannot.</li>
 * </ul>
 * All-zero inputs give no scale to derive; they need an explicit {@code inScale}.
 *
 * <pre>{@code
 * InputScales s = InputScales.of(Op.RMSNORM, rows, null, true);
 * byte[] q0 = Quantizer.quantizeVector(rows.get(0), s.token(0));
 * }</pre>
 *
 * @param configured the scale the layer is quantized and configured with
 * @param tokens     the scale each token is quantized with (all equal to {@code configured} unless per token)
 * @param perToken   whether each token has its own scale
 */
record InputScales(double configured, double[] tokens, boolean perToken) {
    /** The request's value of "inScale" that asks for per-token scales. */
    static final String PER_TOKEN = "per-token";

    double token(int t) { return tokens[t]; }

    /**
     * @param given    the request's numeric {@code inScale}, or null to derive it
     * @param perToken the request asked for {@value #PER_TOKEN}
     */
    static InputScales of(Op op, List<double[]> rows, Double given, boolean perToken) {
        double[] maxAbs = new double[rows.size()];
        double all = 0;
        for (int t = 0; t < rows.size(); t++) {
            for (double v : rows.get(t)) maxAbs[t] = Math.max(maxAbs[t], Math.abs(v));
            all = Math.max(all, maxAbs[t]);
        }
        String field = op == Op.SOFTMAX ? "scores" : "x";
        if (perToken && op == Op.SOFTMAX) {
            throw new EvalInputError("\"inScale\": \"per-token\" is not possible for softmax: exp(s·q) depends on the scale s, and the "
                    + "hardware holds it in one configuration word (L); subtract a constant from each row instead (softmax ignores it) "
                    + "so every row fits one static scale (see docs/cli.md).");
        }
        if (given == null && all == 0) {
            throw new EvalInputError("every value of \"" + field + "\" is 0, so no input scale can be derived from them; give \"inScale\" "
                    + "(the real value of one int8 step, e.g. from your calibration data).");
        }
        double configured = given != null ? given : Quantizer.scaleFor(all);
        double[] scales = new double[rows.size()];
        for (int t = 0; t < scales.length; t++) {
            // an all-zero token quantizes to zeros at any scale: it keeps the configured one
            scales[t] = perToken && maxAbs[t] > 0 ? Quantizer.scaleFor(maxAbs[t]) : configured;
        }
        return new InputScales(configured, scales, perToken);
    }
}
