package defernorm.golden.model;

/**
 * Real meaning of the integers: input int8 x means {@code inScale * x}; output lane j integer y means
 * {@code outScale[j] * y}. Only the quantizer and dequantizer use these; the hardware never does.
 *
 * <pre>{@code
 * double yReal = scales.outScale()[j] * lanes[j];
 * }</pre>
 *
 * @param inScale     scale of the int8 inputs (activations or scores)
 * @param outScale    per output column scale of the int32 output lanes of STANDARD and DEFERRED
 * @param matmulScale per output column scale of the MATMUL variant's output lanes (inScale * sw[j])
 */
public record Scales(double inScale, double[] outScale, double[] matmulScale) {
    /** Real value of one output lane of a variant. */
    public double dequantize(Variant v, int j, long lane) {
        return (v == Variant.MATMUL ? matmulScale[j] : outScale[j]) * lane;
    }

    /** Real values of all m output lanes of a variant. */
    public double[] dequantize(Variant v, long[] lanes) {
        double[] y = new double[lanes.length];
        for (int j = 0; j < lanes.length; j++) {
            y[j] = dequantize(v, j, lanes[j]);
        }
        return y;
    }
}
