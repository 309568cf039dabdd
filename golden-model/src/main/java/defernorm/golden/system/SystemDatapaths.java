package defernorm.golden.system;

import defernorm.golden.model.Datapath;
import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;

/**
 * The bit-accurate model of a T-tile system (docs/system.md), for a layer whose params describe the system's
 * input stream (T·P lanes). LayerNorm, RMSNorm and matmul-only: statistics and partial products are exact
 * integer sums, so the system computes what a single top with T·P lanes computes: {@link Datapaths#of}.
 * Softmax (standard and deferred): per-tile online reductions merged with ⊕ in the topology's order
 * ({@link SystemSoftmax}). One tile is the single top.
 *
 * <pre>{@code
 * Datapath dp = SystemDatapaths.of(cfg, Variant.DEFERRED, new SystemShape(4, Topology.TREE, 10, 64));
 * }</pre>
 */
public final class SystemDatapaths {
    private SystemDatapaths() {}

    public static Datapath of(LayerConfig cfg, Variant variant, SystemShape shape) {
        if (cfg.params().p() % shape.tiles() != 0) {
            throw new IllegalArgumentException("the layer's " + cfg.params().p() + " lanes are not T=" + shape.tiles() + " tiles' worth.");
        }
        if (shape.isSingle() || cfg.op() != Op.SOFTMAX || variant == Variant.MATMUL) return Datapaths.of(cfg, variant);
        return new SystemSoftmax(cfg, variant, shape);
    }
}
