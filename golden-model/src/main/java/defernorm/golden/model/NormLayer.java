package defernorm.golden.model;

/**
 * A real-valued LayerNorm->Linear or RMSNorm->Linear layer: y = (norm(x) (.) gamma + beta) F + b.
 * For RMSNorm beta is all zeros (use {@link #rmsNorm}).
 *
 * <pre>{@code
 * NormLayer l = NormLayer.rmsNorm(g, w, b, 1e-5);
 * }</pre>
 *
 * @param op    LAYERNORM or RMSNORM
 * @param gamma n scales (g for RMSNorm)
 * @param beta  n shifts (zeros for RMSNorm)
 * @param f     n x m weights of the following linear layer
 * @param b     m biases
 * @param eps   epsilon inside the square root
 */
public record NormLayer(Op op, double[] gamma, double[] beta, double[][] f, double[] b, double eps) {
    public NormLayer {
        if (op == Op.SOFTMAX) {
            throw new IllegalArgumentException("a NormLayer is LAYERNORM or RMSNORM, not SOFTMAX.");
        }
        int n = f.length;
        if (gamma.length != n || beta.length != n) {
            throw new IllegalArgumentException("gamma and beta must have n=" + n + " entries (one per row of F).");
        }
        if (b.length != f[0].length) {
            throw new IllegalArgumentException("b must have m=" + f[0].length + " entries (one per column of F).");
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be positive, got " + eps + ".");
        }
    }

    /** LayerNorm followed by a linear layer. */
    public static NormLayer layerNorm(double[] gamma, double[] beta, double[][] f, double[] b, double eps) {
        return new NormLayer(Op.LAYERNORM, gamma, beta, f, b, eps);
    }

    /** RMSNorm followed by a linear layer (no beta). */
    public static NormLayer rmsNorm(double[] g, double[][] w, double[] b, double eps) {
        return new NormLayer(Op.RMSNORM, g, new double[g.length], w, b, eps);
    }

    public int n() {
        return f.length;
    }

    public int m() {
        return f[0].length;
    }
}
