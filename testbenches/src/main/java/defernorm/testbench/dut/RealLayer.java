package defernorm.testbench.dut;

import defernorm.golden.model.NormLayer;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Quantizer;
import defernorm.golden.reference.Reference;

/**
 * A real-valued layer (LayerNorm/RMSNorm then Linear, or softmax then V) with its float64 reference and its
 * quantization for the hardware.
 *
 * <pre>{@code
 * RealLayer l = RealLayer.norm(NormLayer.rmsNorm(g, w, b, 1e-5));
 * QuantizedLayer q = l.quantize(params, Quantizer.scaleFor(maxAbsX));
 * double[] y = l.reference(x);
 * }</pre>
 */
public sealed interface RealLayer {
    Op op();

    /** The float64 reference output (m values) for one real input row. */
    double[] reference(double[] x);

    /** The layer quantized for the hardware with input scale {@code inScale}. */
    QuantizedLayer quantize(Params params, double inScale);

    static RealLayer norm(NormLayer layer) { return new Norm(layer); }

    static RealLayer attention(double[][] v) { return new Attention(v); }

    /** LayerNorm or RMSNorm followed by a linear layer. */
    record Norm(NormLayer layer) implements RealLayer {
        @Override public Op op() { return layer.op(); }

        @Override public double[] reference(double[] x) {
            return layer.op() == Op.LAYERNORM
                    ? Reference.layerNormLinear(x, layer.gamma(), layer.beta(), layer.f(), layer.b(), layer.eps())
                    : Reference.rmsNormLinear(x, layer.gamma(), layer.f(), layer.b(), layer.eps());
        }

        @Override public QuantizedLayer quantize(Params params, double inScale) { return Quantizer.quantize(layer, params, inScale); }
    }

    /** Softmax over a row of scores followed by the product with V (n x m). */
    record Attention(double[][] v) implements RealLayer {
        @Override public Op op() { return Op.SOFTMAX; }

        @Override public double[] reference(double[] scores) { return Reference.softmaxTimes(scores, v); }

        @Override public QuantizedLayer quantize(Params params, double inScale) { return Quantizer.quantizeAttention(v, params, inScale); }
    }
}
