package defernorm.cosim.builtin;

import defernorm.hdl.ir.Type;
import java.math.BigInteger;

/** Conversions between mathematical values and canonical words, and the "does it fit" check. */
final class Values {
    private Values() {}

    static BigInteger min(Type t) { return t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1).negate() : BigInteger.ZERO; }

    static BigInteger max(Type t) {
        return BigInteger.ONE.shiftLeft(t.signed() ? t.width() - 1 : t.width()).subtract(BigInteger.ONE);
    }

    /** Whether {@code value} lies in {@code t}'s range; allocates nothing (it runs on every wide poke). */
    static boolean fits(BigInteger value, Type t) {
        // bitLength excludes the sign: -2^(w-1) and 2^(w-1)-1 both have w-1 bits.
        return t.signed() ? value.bitLength() < t.width() : value.signum() >= 0 && value.bitLength() <= t.width();
    }

    /** Canonical words of a value that fits {@code t}, or of an unsigned bit pattern of {@code t}'s width. */
    static void toWords(BigInteger value, Type t, long[] v, int off) {
        int nw = Words.count(t.width());
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
        v[off + nw - 1] = Words.norm(v[off + nw - 1], topBits, t.signed());
    }

    static long[] toWords(BigInteger value, Type t) {
        long[] w = new long[Words.count(t.width())];
        toWords(value, t, w, 0);
        return w;
    }

    /** The value {@code t} reads from canonical words at {@code v[off..]}. */
    static BigInteger fromWords(long[] v, int off, Type t) {
        int nw = Words.count(t.width());
        if (nw == 1) {
            long x = v[off];
            if (t.signed() || x >= 0) return BigInteger.valueOf(x);
            return BigInteger.valueOf(x >>> 1).shiftLeft(1).or(BigInteger.valueOf(x & 1));
        }
        byte[] bytes = new byte[nw * 8];
        for (int i = 0; i < nw; i++) {
            long w = v[off + i];
            for (int j = 0; j < 8; j++) bytes[bytes.length - 1 - (i * 8 + j)] = (byte) (w >>> (8 * j));
        }
        BigInteger raw = t.signed() ? new BigInteger(bytes) : new BigInteger(1, bytes);
        return raw;
    }
}
