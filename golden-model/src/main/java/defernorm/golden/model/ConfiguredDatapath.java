package defernorm.golden.model;

/**
 * What every datapath shares: the configuration it was built for, its "op/variant" name and the
 * token-length check before {@link #run}, so each subclass states only its arithmetic.
 *
 * <pre>{@code
 * final class MatmulOnly extends ConfiguredDatapath {
 *     MatmulOnly(LayerConfig cfg) { super(cfg, "matmul"); }   // name() = "rmsnorm/matmul" etc.
 *     protected TokenResult run(byte[] x) { ... }
 * }
 * }</pre>
 */
abstract class ConfiguredDatapath implements Datapath {
    /** The configuration this datapath was built for. */
    protected final LayerConfig cfg;
    private final String variant;

    /** @param variant the part of {@link #name()} after the op, e.g. "deferred" */
    ConfiguredDatapath(LayerConfig cfg, String variant) {
        this.cfg = cfg;
        this.variant = variant;
    }

    @Override
    public final LayerConfig config() {
        return cfg;
    }

    @Override
    public final String name() {
        return cfg.op().name().toLowerCase() + "/" + variant;
    }

    @Override
    public final TokenResult process(byte[] token) {
        checkToken(token);
        return run(token);
    }

    /** Runs one token, already checked to hold n elements. */
    protected abstract TokenResult run(byte[] token);
}
