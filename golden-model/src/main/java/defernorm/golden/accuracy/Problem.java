package defernorm.golden.accuracy;

import defernorm.golden.model.Op;
import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Variant;
import java.util.List;
import java.util.function.Function;

/**
 * A named accuracy case: a quantized layer, its int8 tokens, and the float64 reference as a function
 * of the real (dequantized) input.
 *
 * @param op        the op
 * @param name      case name for the table
 * @param layer     quantized layer
 * @param tokens    int8 tokens
 * @param reference float64 reference y(x) on real inputs x with the real weights
 * @param quantizedWeightReference float64 reference y(x) with the dequantized int8 weights (isolates
 *        the datapath's own error from weight quantization, which both variants share)
 */
public record Problem(Op op, String name, QuantizedLayer layer, List<byte[]> tokens,
                      Function<double[], double[]> reference,
                      Function<double[], double[]> quantizedWeightReference) {

    /** Error statistics of one variant over all tokens against the float64 reference. */
    public ErrorStats measure(Variant variant) {
        return measure(variant, reference);
    }

    /** Error statistics against the reference that uses the dequantized weights. */
    public ErrorStats measureDatapathOnly(Variant variant) {
        return measure(variant, quantizedWeightReference);
    }

    private ErrorStats measure(Variant variant, Function<double[], double[]> ref) {
        ErrorStats st = new ErrorStats();
        var dp = defernorm.golden.model.Datapaths.of(layer.config(), variant);
        for (byte[] t : tokens) {
            double[] y = layer.scales().dequantize(variant, dp.process(t).lanes());
            st.addRow(y, ref.apply(layer.dequantizeInput(t)));
        }
        return st;
    }
}
