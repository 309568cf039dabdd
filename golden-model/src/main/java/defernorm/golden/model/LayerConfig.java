package defernorm.golden.model;

import defernorm.golden.fixed.Saturate;

/**
 * The words the hardware's configuration port loads for one layer: int8 weights (n x m), int32 folded
 * biases (m), and one constant: the epsilon word E (LayerNorm/RMSNorm) or the score multiplier L
 * (softmax). Real-valued scales live in {@link Scales}, not here: the hardware never sees them.
 *
 * <ul>
 *   <li>LAYERNORM: weights are F~ = (I - E/n) diag(gamma) F quantized per column with every column
 *       summing to exactly 0; bias = round((b + beta F) / outScale); E = round(n^2 eps / sx^2), >= 1.</li>
 *   <li>RMSNORM: weights are diag(g) W quantized per column; bias = round(b / outScale);
 *       E = round(n^2 eps / sx^2), >= 1.</li>
 *   <li>SOFTMAX: weights are V quantized per column; bias = 0 (or any int32);
 *       L = round(ss * log2(e) * 2^12), in [1, 2^16).</li>
 * </ul>
 *
 * <pre>{@code
 * LayerConfig cfg = new LayerConfig(Op.RMSNORM, new Params(4, 2, 2, 1, 0),
 *         new byte[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}, new long[] {0, 0}, 1);
 * }</pre>
 *
 * @param op       the op
 * @param params   the shape
 * @param weights  weights[i][j], i < n, j < m
 * @param bias     bias[j], int32 each
 * @param constant E for LAYERNORM/RMSNORM, L for SOFTMAX
 */
public record LayerConfig(Op op, Params params, byte[][] weights, long[] bias, long constant) {
    public LayerConfig {
        int n = params.n();
        int m = params.m();
        if (weights.length != n) {
            throw new IllegalArgumentException("weights must have n=" + n + " rows, got " + weights.length + ".");
        }
        for (byte[] row : weights) {
            if (row.length != m) {
                throw new IllegalArgumentException("every weight row must have m=" + m + " entries, got " + row.length + ".");
            }
        }
        if (bias.length != m) {
            throw new IllegalArgumentException("bias must have m=" + m + " entries, got " + bias.length + ".");
        }
        for (long b : bias) {
            if (!Saturate.fitsSigned(b, Formats.BIAS_BITS)) {
                throw new IllegalArgumentException("bias word " + b + " does not fit int32.");
            }
        }
        if (op == Op.SOFTMAX) {
            if (constant < 1 || constant >= Formats.MAX_SCORE_MUL) {
                throw new IllegalArgumentException("softmax score multiplier L must be in [1, 2^16), got " + constant + ".");
            }
        } else if (constant < 1 || constant >= Formats.MAX_EPS) {
            throw new IllegalArgumentException("epsilon word E must be in [1, 2^40), got " + constant + ".");
        }
        if (op == Op.LAYERNORM) {
            for (int j = 0; j < m; j++) {
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += weights[i][j];
                }
                if (sum != 0) {
                    throw new IllegalArgumentException("LayerNorm weight column " + j
                            + " must sum to 0 (it is a column of F~ = (I - E/n) diag(gamma) F), but sums to " + sum + ".");
                }
            }
        }
    }

    /** Weight W[i][j] as a long. */
    public long w(int i, int j) {
        return weights[i][j];
    }

    /** The P x Q weight tile of input beat k and column group g (config address k*G + g): tile[r][c] = W[kP+r][gQ+c]. */
    public byte[][] weightTile(int k, int g) {
        int p = params.p();
        int q = params.q();
        byte[][] tile = new byte[p][q];
        for (int r = 0; r < p; r++) {
            System.arraycopy(weights[k * p + r], g * q, tile[r], 0, q);
        }
        return tile;
    }

    /** The epsilon word E (LayerNorm/RMSNorm). */
    public long eps() {
        return constant;
    }

    /** The score multiplier L (softmax). */
    public long scoreMul() {
        return constant;
    }
}
