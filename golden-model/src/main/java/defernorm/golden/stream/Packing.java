package defernorm.golden.stream;

import java.math.BigInteger;

/**
 * Packs and unpacks lanes of a bus: lane 0 in the low bits, each lane two's complement in laneBits.
 *
 * <pre>{@code
 * BigInteger bus = Packing.pack(new long[] {-1, 2}, 8);   // 0x02FF
 * long[] lanes = Packing.unpack(bus, 2, 8);             // {-1, 2}
 * }</pre>
 */
public final class Packing {
    private Packing() {}

    public static BigInteger pack(long[] lanes, int laneBits) {
        BigInteger bus = BigInteger.ZERO;
        BigInteger mask = BigInteger.ONE.shiftLeft(laneBits).subtract(BigInteger.ONE);
        for (int i = lanes.length - 1; i >= 0; i--) {
            bus = bus.shiftLeft(laneBits).or(BigInteger.valueOf(lanes[i]).and(mask));
        }
        return bus;
    }

    public static long[] unpack(BigInteger bus, int lanes, int laneBits) {
        long[] out = new long[lanes];
        BigInteger mask = BigInteger.ONE.shiftLeft(laneBits).subtract(BigInteger.ONE);
        for (int i = 0; i < lanes; i++) {
            long v = bus.shiftRight(i * laneBits).and(mask).longValue();
            if (laneBits < 64 && (v >>> (laneBits - 1) & 1) == 1) {
                v -= 1L << laneBits;
            }
            out[i] = v;
        }
        return out;
    }
}
