package defernorm.testbench.check;

import java.math.BigInteger;

/**
 * Packs lanes into a stream's {@code tdata} and back: lane 0 in the low bits, each lane a two's-complement
 * (or unsigned) field of {@code laneBits} bits.
 *
 * <pre>{@code
 * BigInteger tdata = LanePacking.pack(new long[] {1, -1}, 8);      // 0xff01
 * long[] lanes = LanePacking.unpack(tdata, 2, 8, true);             // {1, -1}
 * }</pre>
 */
public final class LanePacking {
    private LanePacking() {}

    public static BigInteger pack(long[] lanes, int laneBits) {
        BigInteger mask = BigInteger.ONE.shiftLeft(laneBits).subtract(BigInteger.ONE);
        BigInteger word = BigInteger.ZERO;
        for (int i = lanes.length - 1; i >= 0; i--) {
            word = word.shiftLeft(laneBits).or(BigInteger.valueOf(lanes[i]).and(mask));
        }
        return word;
    }

    public static BigInteger pack(byte[] lanes, int from, int count) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) v[i] = lanes[from + i];
        return pack(v, 8);
    }

    public static long[] unpack(BigInteger word, int lanes, int laneBits, boolean signed) {
        BigInteger w = word.signum() < 0 ? word.add(BigInteger.ONE.shiftLeft(lanes * laneBits)) : word;
        long[] out = new long[lanes];
        BigInteger mask = BigInteger.ONE.shiftLeft(laneBits).subtract(BigInteger.ONE);
        for (int i = 0; i < lanes; i++) {
            BigInteger field = w.shiftRight(i * laneBits).and(mask);
            if (signed && field.testBit(laneBits - 1)) field = field.subtract(BigInteger.ONE.shiftLeft(laneBits));
            out[i] = field.longValue();
        }
        return out;
    }
}
