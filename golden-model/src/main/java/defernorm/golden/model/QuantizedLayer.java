package defernorm.golden.model;

/**
 * A layer configuration plus the scales that give its integers a real meaning.
 *
 * <pre>{@code
 * QuantizedLayer ql = Quantizer.quantize(layer, params, sx);
 * byte[] token = ql.quantizeInput(x);
 * double[] y = ql.scales().dequantize(Variant.DEFERRED, Datapaths.of(ql.config(), Variant.DEFERRED).process(token).lanes());
 * }</pre>
 */
public record QuantizedLayer(LayerConfig config, Scales scales) {
    /** Quantize a real activation (or score) vector with the layer's input scale: round, saturate to int8. */
    public byte[] quantizeInput(double[] x) {
        return Quantizer.quantizeVector(x, scales.inScale());
    }

    /** Real values of the int8 inputs (what the datapath actually sees). */
    public double[] dequantizeInput(byte[] token) {
        double[] x = new double[token.length];
        for (int i = 0; i < token.length; i++) {
            x[i] = scales.inScale() * token[i];
        }
        return x;
    }
}
