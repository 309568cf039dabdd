package defernorm.accel.tops;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;

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

    public static String of(Op op, Variant variant, Params p) { return base(op, variant, "", p) + "_C" + p.c(); }

    /**
     * The module name of a datapath at {@code placement}: {@link #of} for a single top, e.g.
     * {@code RmsNormDeferredTile_n16_m32_P4_Q4_T4} for one of 4 tiles that own 16 elements each.
     */
    public static String tile(Op op, Variant variant, Params p, Placement placement) {
        if (!placement.isTile()) return of(op, variant, p);
        return base(op, variant, "Tile", p) + "_T" + placement.tiles();
    }

    /**
     * The module name of a system of {@code shape.tiles()} tiles of P lanes each, e.g.
     * {@code RmsNormDeferred_n64_m32_P4_Q4_T4_ring_H10_L64}; a single tile's system is the single top, {@link #of}.
     */
    public static String system(Op op, Variant variant, Params p, SystemShape shape) {
        if (shape.isSingle()) return of(op, variant, p);
        return base(op, variant, "", p) + "_T" + shape.tiles() + "_" + shape.topology().cliName() + "_H" + shape.hopLatency() + "_L" + shape.linkBits();
    }

    private static String base(Op op, Variant variant, String kind, Params p) {
        return opName(op) + variantName(variant) + kind + "_n" + p.n() + "_m" + p.m() + "_P" + p.p() + "_Q" + p.q();
    }

    public static String opName(Op op) {
        return switch (op) {
            case LAYERNORM -> "LayerNorm";
            case RMSNORM -> "RmsNorm";
            case SOFTMAX -> "Softmax";
        };
    }

    public static String variantName(Variant v) {
        return switch (v) {
            case STANDARD -> "Standard";
            case DEFERRED -> "Deferred";
            case MATMUL -> "Matmul";
        };
    }
}
