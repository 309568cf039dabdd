package defernorm.cosim.verilator;

import defernorm.cosim.support.NetErrors;
import defernorm.hdl.ir.Type;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Converts values to and from the protocol's encoding: the two's complement bit pattern of the net's
 * width, as little-endian 32-bit words, bits above the width zero.
 */
final class WireValues {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private WireValues() {}

    /** Throws a one-sentence IllegalArgumentException unless {@code v} fits {@code t}. */
    static void checkFits(String net, Type t, BigInteger v) {
        if (!fitsType(t, v)) throw NetErrors.doesNotFit(net, t, v);
    }

    static boolean fitsType(Type t, BigInteger v) {
        int w = t.width();
        return t.signed() ? v.bitLength() <= w - 1 : v.signum() >= 0 && v.bitLength() <= w;
    }

    /** Fast check for a long value; same rule as {@link #checkFits(String, Type, BigInteger)}. */
    static boolean fits(Type t, long v) {
        int w = t.width();
        if (t.signed()) return w >= 64 || (v >> (w - 1)) == 0 || (v >> (w - 1)) == -1;
        return v >= 0 && (w >= 63 || (v >>> w) == 0);
    }

    static void encode(BigInteger v, int width, byte[] dst, int off) {
        int words = (width + 31) / 32;
        for (int i = 0; i < words; i++) {
            int word = v.shiftRight(32 * i).intValue();
            if (i == words - 1) word &= topMask(width);
            putInt(dst, off + 4 * i, word);
        }
    }

    static void encode(long v, int width, byte[] dst, int off) {
        int words = (width + 31) / 32;
        if (words <= 2) {
            long masked = width >= 64 ? v : v & ((1L << width) - 1);
            putInt(dst, off, (int) masked);
            if (words == 2) putInt(dst, off + 4, (int) (masked >>> 32));
        } else {
            for (int i = 0; i < words; i++) {
                int word = i < 2 ? (int) (v >> (32 * i)) : (int) (v >> 63);
                if (i == words - 1) word &= topMask(width);
                putInt(dst, off + 4 * i, word);
            }
        }
    }

    /** The value of a net of at most 64 bits, sign-extended when the type is signed. */
    static long decodeLong(byte[] src, int off, Type t) {
        int w = t.width();
        long v = getInt(src, off) & 0xFFFF_FFFFL;
        if (w > 32) v |= (getInt(src, off + 4) & 0xFFFF_FFFFL) << 32;
        if (w < 64) {
            v &= (1L << w) - 1;
            if (t.signed()) v = (v << (64 - w)) >> (64 - w);
        }
        return v;
    }

    static BigInteger decode(byte[] src, int off, Type t) {
        int w = t.width();
        if (w <= 63 || (w == 64 && t.signed())) return BigInteger.valueOf(decodeLong(src, off, t));
        int words = (w + 31) / 32;
        byte[] magnitude = new byte[4 * words];
        for (int i = 0; i < words; i++) {
            int word = getInt(src, off + 4 * i);
            if (i == words - 1) word &= topMask(w);
            int at = 4 * (words - 1 - i);
            magnitude[at] = (byte) (word >>> 24);
            magnitude[at + 1] = (byte) (word >>> 16);
            magnitude[at + 2] = (byte) (word >>> 8);
            magnitude[at + 3] = (byte) word;
        }
        BigInteger v = new BigInteger(1, magnitude);
        return t.signed() && v.testBit(w - 1) ? v.subtract(BigInteger.ONE.shiftLeft(w)) : v;
    }

    private static int topMask(int width) {
        int rem = width % 32;
        return rem == 0 ? -1 : (1 << rem) - 1;
    }

    static void putInt(byte[] b, int off, int v) { INT.set(b, off, v); }

    static void putLong(byte[] b, int off, long v) { LONG.set(b, off, v); }

    static int getInt(byte[] b, int off) { return (int) INT.get(b, off); }

    static long getLong(byte[] b, int off) { return (long) LONG.get(b, off); }
}
