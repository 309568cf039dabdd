package defernorm.accel.tops;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * The Verilog module name of a generated top: op, variant and every parameter, e.g.
 * {@code RmsNormDeferred_n64_m32_P8_Q4_C3}.
 *
 * <pre>{@code
 * TopName.of(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 3));   // "RmsNormDeferred_n64_m32_P8_Q4_C3"
 * }</pre>
 */
public final class TopName {
    private TopName() {}

    public static String of(Op op, Variant variant, Params p) {
        return opName(op) + variantName(variant) + "_n" + p.n() + "_m" + p.m() + "_P" + p.p() + "_Q" + p.q() + "_C" + p.c();
    }

    static String opName(Op op) {
        return switch (op) {
            case LAYERNORM -> "LayerNorm";
            case RMSNORM -> "RmsNorm";
            case SOFTMAX -> "Softmax";
        };
    }

    static String variantName(Variant v) {
        return switch (v) {
            case STANDARD -> "Standard";
            case DEFERRED -> "Deferred";
            case MATMUL -> "Matmul";
        };
    }
}
