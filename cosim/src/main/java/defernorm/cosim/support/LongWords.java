package defernorm.cosim.support;

import defernorm.hdl.ir.Type;
import java.math.BigInteger;

/**
 * A value as little-endian 64-bit words: a net of {@code w} bits in {@code ceil(w / 64)} longs, its top
 * long sign-extended (signed type) or zero-extended. The built-in engine's state and the columns of a
 * block batch ({@link defernorm.cosim.Simulation.BlockStimulus}) both use this layout.
 *
 * <pre>{@code
 * long[] w = new long[LongWords.count(100)];
 * LongWords.toWords(BigInteger.ONE.shiftLeft(99), Type.uint(100), w, 0);   // w = {0, 1L << 35}
 * }</pre>
 */
public final class LongWords {
    private LongWords() {}

    public static int count(int width) { return (width + 63) >>> 6; }

    /** Brings one word to the canonical form of a {@code bits}-bit value (1..64): sign- or zero-extended. */
    public static long norm(long x, int bits, boolean signed) {
        int sh = 64 - bits;
        return signed ? (x << sh) >> sh : (x << sh) >>> sh;
    }

    /** Canonical words of a value that fits {@code t}, or of an unsigned bit pattern of {@code t}'s width. */
    public static void toWords(BigInteger value, Type t, long[] v, int off) {
        int nw = count(t.width());
        if (nw == 1) {
            v[off] = value.longValue();
        } else {
            // One pass over the two's complement bytes (big-endian, at least one sign bit): shifting the
            // BigInteger once per word would be quadratic in the width and allocate a copy per word.
            byte[] b = value.toByteArray();
            long fill = b[0] < 0 ? -1L : 0;
            for (int i = 0; i < nw; i++) {
                long w = 0;
                for (int j = 7; j >= 0; j--) {
                    int at = b.length - 1 - (8 * i + j);
                    w = (w << 8) | (at >= 0 ? b[at] & 0xFF : fill & 0xFF);
                }
                v[off + i] = w;
            }
        }
        int topBits = t.width() - 64 * (nw - 1);
        v[off + nw - 1] = norm(v[off + nw - 1], topBits, t.signed());
    }

    /** The value {@code t} reads from canonical words at {@code v[off..]}. */
    public static BigInteger fromWords(long[] v, int off, Type t) {
        int nw = count(t.width());
        if (nw == 1) {
            long x = v[off];
            if (t.signed() || x >= 0) return BigInteger.valueOf(x);
            return BigInteger.valueOf(x >>> 1).shiftLeft(1).or(BigInteger.valueOf(x & 1));
        }
        return t.signed() ? new BigInteger(bigEndian(v, off, nw)) : new BigInteger(1, bigEndian(v, off, nw));
    }

    /** The two's complement value of {@code n} words, whatever their top bits (for messages about bad words). */
    public static BigInteger signedValue(long[] v, int off, int n) { return new BigInteger(bigEndian(v, off, n)); }

    private static byte[] bigEndian(long[] v, int off, int n) {
        byte[] bytes = new byte[n * 8];
        for (int i = 0; i < n; i++) {
            long w = v[off + i];
            for (int j = 0; j < 8; j++) bytes[bytes.length - 1 - (i * 8 + j)] = (byte) (w >>> (8 * j));
        }
        return bytes;
    }
}
