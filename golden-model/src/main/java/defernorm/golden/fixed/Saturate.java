package defernorm.golden.fixed;

/**
 * Saturation to a signed or unsigned width. Used only where {@code docs/numerics.md} says so: the
 * standard variant's requantized activations (int8), softmax probabilities (0..255) and the output
 * lanes (int32).
 *
 * <pre>{@code
 * Saturate.signed(300, 8)    // 127
 * Saturate.signed(-300, 8)   // -128
 * Saturate.range(200, 0, 127) // 127
 * }</pre>
 */
public final class Saturate {
    private Saturate() {}

    /** Clamp {@code v} to the two's-complement range of {@code bits} bits (1..63). */
    public static long signed(long v, int bits) {
        long hi = (1L << (bits - 1)) - 1;
        long lo = -(1L << (bits - 1));
        return range(v, lo, hi);
    }

    /** Clamp {@code v} to [lo, hi]. */
    public static long range(long v, long lo, long hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** True when {@code v} fits {@code bits}-bit two's complement. */
    public static boolean fitsSigned(long v, int bits) {
        return signed(v, bits) == v;
    }
}
