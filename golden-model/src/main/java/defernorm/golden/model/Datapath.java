package defernorm.golden.model;

/**
 * The bit-accurate model of one datapath: an int8 token in, the exact output lane integers out.
 *
 * <pre>{@code
 * Datapath dp = Datapaths.of(cfg, Variant.DEFERRED);
 * long[] lanes = dp.process(token).lanes();
 * }</pre>
 */
public interface Datapath {
    /** The configuration this datapath was built for. */
    LayerConfig config();

    /** Short name, e.g. "rmsnorm/deferred". */
    String name();

    /**
     * Runs one token.
     *
     * @param token n int8 values (activations, or scores for softmax)
     */
    TokenResult process(byte[] token);

    /** Checks a token's length. */
    default void checkToken(byte[] token) {
        int n = config().params().n();
        if (token.length != n) {
            throw new IllegalArgumentException("a token must have n=" + n + " elements, got " + token.length + ".");
        }
    }
}
