package defernorm.accel.tops;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every one of the 9 tops (op &times; variant) at one parameter set, elaborated, keyed by top name, in a
 * fixed order (LayerNorm, RMSNorm, Softmax; standard, deferred, matmul-only). For tools: lint, synthesis,
 * reports.
 *
 * <pre>{@code
 * Map<String, Design> tops = AllTops.designs(new Params(16, 8, 4, 2, 2));
 * }</pre>
 */
public final class AllTops {
    private AllTops() {}

    public static Map<String, Design> designs(Params params) {
        Map<String, Design> out = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                Design d = Elaborator.elaborate(TopGenerator.generate(op, v, params));
                out.put(d.top(), d);
            }
        }
        return out;
    }
}
