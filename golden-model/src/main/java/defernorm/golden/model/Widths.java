package defernorm.golden.model;

import defernorm.golden.fixed.Exp2;
import defernorm.golden.fixed.Normalize;

/**
 * Proven register widths as functions of n (docs/numerics.md gives each bound's proof). The RTL may
 * use these directly; the tests drive the extreme inputs that reach each bound.
 *
 * <pre>{@code
 * int accBits = Widths.accumulatorBits(4096);   // 28
 * }</pre>
 */
public final class Widths {
    private Widths() {}

    /** Smallest two's-complement width holding [lo, hi]. */
    public static int signedBits(long lo, long hi) {
        int b = 1;
        while (lo < -(1L << (b - 1)) || hi > (1L << (b - 1)) - 1) {
            b++;
        }
        return b;
    }

    /** Smallest unsigned width holding [0, hi]. */
    public static int unsignedBits(long hi) {
        return Math.max(1, Normalize.bitLength(hi));
    }

    /** int8 x int8 accumulators over n products: |acc| <= 128*128*n (from x = W = -128). */
    public static int accumulatorBits(int n) {
        return signedBits(-128L * 127 * n, 128L * 128 * n);
    }

    /**
     * Softmax accumulators, uint8 exp values times int8 V over n products: acc in [-255*128 n, 255*127 n]
     * (the deferred rescale never grows |acc|: |roundShift(a, d)| <= |a| for every integer a).
     */
    public static int softmaxAccumulatorBits(int n) {
        long pMax = (1L << Exp2.OUT_BITS) - 1;
        return signedBits(-pMax * 128 * n, pMax * 127 * n);
    }

    /** S1 = sum x in [-128n, 127n]. */
    public static int sumBits(int n) {
        return signedBits(-128L * n, 127L * n);
    }

    /** S2 = sum x^2 in [0, 16384n]. */
    public static int sumSquaresBits(int n) {
        return unsignedBits(16384L * n);
    }

    /** V = n*S2 (- S1^2) + E in [1, 16384 n^2 + E]. */
    public static int varianceBits(int n, long eps) {
        return unsignedBits(16384L * n * n + eps);
    }

    /** n*r for the LayerNorm/RMSNorm factor: r < 2^16. */
    public static int scaledFactorBits(int n) {
        return unsignedBits(((long) n) << 16);
    }

    /** Final-scale product acc * (n r) (LayerNorm/RMSNorm) or acc * r (softmax): |acc| times a factor below n 2^16 (2^16). */
    public static int finalProductBits(Op op, int n) {
        long acc = op == Op.SOFTMAX ? 255L * 128 * n : 128L * 128 * n;
        long f = op == Op.SOFTMAX ? (1L << 16) : ((long) n << 16);
        return signedBits(-acc * f, acc * f);
    }

    /** Softmax denominator in [128, 255 n]: the max element contributes T[0] = 128, each p <= 255, a rescale never grows it. */
    public static int denominatorBits(int n) {
        return unsignedBits(((1L << Exp2.OUT_BITS) - 1) * n);
    }
}
