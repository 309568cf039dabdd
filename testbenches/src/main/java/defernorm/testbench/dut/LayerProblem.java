package defernorm.testbench.dut;

import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Variant;
import java.util.List;

/**
 * A quantized layer ready to stream: the layer (configuration words and scales), the int8 tokens, and the
 * real-valued layer whose float64 reference the dequantized outputs are measured against.
 *
 * <pre>{@code
 * LayerProblem p = Problems.random(Op.RMSNORM, params, 300, 1L);
 * double[] err = p.absErrors(Variant.DEFERRED, 0, lanes);
 * }</pre>
 *
 * @param real      the real-valued layer
 * @param quantized its quantization (configuration plus scales)
 * @param tokens    int8 tokens, each of length n
 */
public record LayerProblem(RealLayer real, QuantizedLayer quantized, List<byte[]> tokens) {
    public LayerProblem { tokens = List.copyOf(tokens); }

    /** The float64 reference for token {@code t}, computed on the real values its int8 inputs stand for. */
    public double[] reference(int t) { return real.reference(quantized.dequantizeInput(tokens.get(t))); }

    /** Real outputs of a variant's m lane integers. */
    public double[] dequantize(Variant variant, long[] lanes) { return quantized.scales().dequantize(variant, lanes); }

    /**
     * |dequantized lane - float64 reference| for every output column of token {@code t}, or null for the
     * matmul-only variant, which computes no normalization and so has no reference to be measured against.
     */
    public double[] absErrors(Variant variant, int t, long[] lanes) {
        if (variant == Variant.MATMUL) return null;
        double[] y = dequantize(variant, lanes);
        double[] ref = reference(t);
        double[] e = new double[y.length];
        for (int j = 0; j < y.length; j++) e[j] = Math.abs(y[j] - ref[j]);
        return e;
    }
}
