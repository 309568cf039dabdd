package defernorm.accel.system;

import defernorm.accel.tops.TopSidecar;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.hdl.ir.Design;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code <Top>.json} sidecar of a system top: the single top's sidecar at T·P lanes (ports, formats,
 * address map, streams) with the system's timing, plus a {@code "system"} section: T, topology, H, link
 * width, the network depths L_ar and L_or, and which part of each configuration word goes to which tile.
 * T = 1 writes the single top's sidecar.
 *
 * <pre>{@code
 * Path json = SystemSidecar.write(Op.RMSNORM, Variant.DEFERRED, prm, shape, design, dir);
 * }</pre>
 */
public final class SystemSidecar {
    private SystemSidecar() {}

    /** Writes {@code <top>.json} into {@code dir} and returns its path. */
    public static Path write(Op op, Variant variant, Params params, SystemShape shape, Design design, Path dir) {
        if (shape.isSingle()) return TopSidecar.write(op, variant, params, design, dir);
        return TopSidecar.write(design, describe(op, variant, params, shape, design), dir);
    }

    /** The sidecar as nested maps (insertion-ordered). */
    public static Map<String, Object> describe(Op op, Variant variant, Params params, SystemShape shape, Design design) {
        Params outside = SystemLimits.outside(params, shape);
        Map<String, Object> root = TopSidecar.describe(op, variant, outside, SystemGenerator.schedule(op, variant, params, shape), design);
        root.put("system", TopSidecar.fields("tiles", shape.tiles(), "topology", shape.topology().cliName(),
                "hopLatency", shape.hopLatency(), "linkBits", shape.linkBits(), "lanesPerTile", params.p(),
                "elementsPerTile", params.n() / shape.tiles(),
                "collectiveCycles", SystemGenerator.collectiveCycles(op, variant, params, shape),
                "outputReduceCycles", SystemGenerator.outputReduceCycles(op, variant, params, shape),
                "ownership", "lane t*P+p of input beat k (element k*T*P+t*P+p) belongs to tile t; tile 0 is the root (m_axis, biases)",
                "configuration", "the address map above (T*P lanes): tile t takes bits t*P*Q*8 .. (t+1)*P*Q*8-1 of each weight word "
                        + "(rows t*P .. t*P+P-1 of the tile), every tile the constant word, the root the biases"));
        return root;
    }
}
