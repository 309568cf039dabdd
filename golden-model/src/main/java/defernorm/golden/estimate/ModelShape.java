package defernorm.golden.estimate;

/**
 * Shapes of a Llama-style decoder.
 *
 * <pre>{@code
 * ModelShape.LLAMA2_7B.qkvWidth();   // 12288
 * }</pre>
 *
 * @param name    display name
 * @param hidden  model width d
 * @param heads   query heads
 * @param kvHeads key/value heads (grouped-query attention when fewer than heads)
 * @param headDim width per head
 * @param ffn     FFN (SwiGLU) inner width
 * @param layers  decoder blocks
 */
public record ModelShape(String name, int hidden, int heads, int kvHeads, int headDim, int ffn, int layers) {
    /** Llama-2-7B: d 4096, 32 heads (MHA), FFN 11008, 32 layers. */
    public static final ModelShape LLAMA2_7B = new ModelShape("Llama-2-7B", 4096, 32, 32, 128, 11008, 32);
    /** Llama-3-8B: d 4096, 32 query heads, 8 KV heads (GQA), FFN 14336, 32 layers. */
    public static final ModelShape LLAMA3_8B = new ModelShape("Llama-3-8B", 4096, 32, 8, 128, 14336, 32);

    /** Output width of the fused Q, K, V projection. */
    public int qkvWidth() {
        return (heads + 2 * kvHeads) * headDim;
    }
}
