package defernorm.golden.stream;

import java.math.BigInteger;

/**
 * Packs and unpacks lanes of a bus: lane 0 in the low bits, each lane a two's-complement (or, unpacked,
 * unsigned) field of {@code laneBits} bits. The project's one lane packer: stream beats, configuration
 * words and checker samples all go through it.
 *
 * <pre>{@code
 * BigInteger bus = Packing.pack(new long[] {-1, 2}, 8);   // 0x02FF
 * long[] lanes = Packing.unpack(bus, 2, 8);               // {-1, 2}
 * }</pre>
 */
public final class Packing {
    private Packing() {}

    /**
     * Lane 0 in the low bits, each lane's low {@code laneBits} (1 to 64) bits. Written into one big-endian
     * byte array and converted once: linear in the bus width (growing a BigInteger lane by lane is quadratic,
     * 15 s for the 16,513 8,192-bit configuration words of a 4096×4096 layer on 32×32 MACs).
     */
    public static BigInteger pack(long[] lanes, int laneBits) {
        if (laneBits < 1 || laneBits > 64) {
            throw new IllegalArgumentException("lane width " + laneBits + " is not 1 to 64 bits");
        }
        byte[] be = new byte[(int) (((long) lanes.length * laneBits + 7) / 8)];
        long pos = 0;   // bit position of the next field, from the bus's least significant bit
        for (long lane : lanes) {
            for (int done = 0; done < laneBits; ) {
                int shift = (int) (pos & 7);
                int take = Math.min(8 - shift, laneBits - done);
                int chunk = (int) (lane >>> done) & ((1 << take) - 1);
                be[be.length - 1 - (int) (pos >>> 3)] |= (byte) (chunk << shift);
                pos += take;
                done += take;
            }
        }
        return new BigInteger(1, be);
    }

    /** {@code count} int8 lanes starting at {@code lanes[from]}, packed 8 bits each. */
    public static BigInteger pack(byte[] lanes, int from, int count) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) v[i] = lanes[from + i];
        return pack(v, 8);
    }

    /** The {@code lanes} two's-complement fields of {@code laneBits} bits of {@code bus}. */
    public static long[] unpack(BigInteger bus, int lanes, int laneBits) {
        return unpack(bus, lanes, laneBits, true);
    }

    /**
     * The {@code lanes} fields of {@code laneBits} bits of {@code bus}, sign-extended when {@code signed}. A
     * negative {@code bus} is read as its {@code lanes·laneBits}-bit two's complement.
     */
    public static long[] unpack(BigInteger bus, int lanes, int laneBits, boolean signed) {
        BigInteger w = bus.signum() < 0 ? bus.add(BigInteger.ONE.shiftLeft(lanes * laneBits)) : bus;
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
