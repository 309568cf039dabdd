package defernorm.golden.model;

import java.util.Arrays;

/**
 * What one token produces: the m output lane integers in column order (beat g is lanes
 * [gQ, gQ+Q)), plus the intermediate values an RTL engineer compares when a lane disagrees.
 *
 * <pre>{@code
 * long[] beat0 = result.beat(0, params.q());
 * }</pre>
 *
 * @param lanes        the m output lane integers (int32 range)
 * @param accumulators the m accumulator values at drain time (before the output/final-scale stage)
 * @param factor       the per-token factor, or null for MATMUL
 * @param statistics   op-specific statistics: LAYERNORM/RMSNORM {S1, S2, V}; SOFTMAX {M, den}; MATMUL empty
 */
public record TokenResult(long[] lanes, long[] accumulators, Factor factor, long[] statistics) {
    /** The Q lanes of output beat g. */
    public long[] beat(int g, int q) {
        return Arrays.copyOfRange(lanes, g * q, (g + 1) * q);
    }
}
