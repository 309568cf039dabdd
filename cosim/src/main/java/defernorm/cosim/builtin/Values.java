package defernorm.cosim.builtin;

import defernorm.cosim.support.LongWords;
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
    static void toWords(BigInteger value, Type t, long[] v, int off) { LongWords.toWords(value, t, v, off); }

    static long[] toWords(BigInteger value, Type t) {
        long[] w = new long[Words.count(t.width())];
        toWords(value, t, w, 0);
        return w;
    }

    /** The value {@code t} reads from canonical words at {@code v[off..]}. */
    static BigInteger fromWords(long[] v, int off, Type t) { return LongWords.fromWords(v, off, t); }
}
