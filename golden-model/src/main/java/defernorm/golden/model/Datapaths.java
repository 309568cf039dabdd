package defernorm.golden.model;

/**
 * Factory of the bit-accurate datapath models.
 *
 * <pre>{@code
 * Datapath std = Datapaths.of(cfg, Variant.STANDARD);
 * Datapath full = Datapaths.standardFullPrecision(cfg);   // for the exactness test only
 * }</pre>
 */
public final class Datapaths {
    private Datapaths() {}

    /** The hardware datapath of {@code cfg.op()} in the given variant. */
    public static Datapath of(LayerConfig cfg, Variant variant) {
        return switch (variant) {
            case MATMUL -> new MatmulOnly(cfg);
            case DEFERRED -> cfg.op() == Op.SOFTMAX ? new SoftmaxDeferred(cfg) : new NormDeferred(cfg);
            case STANDARD -> cfg.op() == Op.SOFTMAX ? new SoftmaxStandard(cfg, false) : new NormStandard(cfg, false);
        };
    }

    /**
     * The standard variant keeping the normalized activations at full precision (no requantization):
     * bit-identical to DEFERRED for LayerNorm and RMSNorm always, and for softmax whenever the first
     * beat holds the maximum (docs/numerics.md).
     */
    public static Datapath standardFullPrecision(LayerConfig cfg) {
        return cfg.op() == Op.SOFTMAX ? new SoftmaxStandard(cfg, true) : new NormStandard(cfg, true);
    }
}
