package defernorm.golden.model;

/** The normalization that precedes the matmul. */
public enum Op {
    /** LayerNorm followed by a linear layer. */
    LAYERNORM,
    /** RMSNorm followed by a linear layer. */
    RMSNORM,
    /** Softmax over scores followed by the product with V (attention). */
    SOFTMAX
}
