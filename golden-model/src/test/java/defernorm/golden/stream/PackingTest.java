package defernorm.golden.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PackingTest {
    @Test
    void packsTwosComplementFieldsOfAnyWidth() {
        assertEquals(BigInteger.valueOf(0xff01), Packing.pack(new long[] {1, -1}, 8));
        assertEquals(BigInteger.valueOf(0b110_001_111), Packing.pack(new long[] {-1, 1, -2}, 3));   // fields straddle bytes
        assertEquals(new BigInteger("1ffffffffffffffff", 16), Packing.pack(new long[] {-1, 1}, 64));
        assertEquals(BigInteger.ZERO, Packing.pack(new long[] {256, 0}, 8));                          // high bits dropped
        assertEquals(BigInteger.valueOf(0x02ff), Packing.pack(new byte[] {9, -1, 2}, 1, 2));
    }

    @Property(tries = 300)
    void unpackInvertsPackAndMatchesTheLaneByLaneDefinition(@ForAll @Size(max = 40) long[] raw,
                                                          @ForAll @IntRange(min = 1, max = 64) int bits) {
        long[] lanes = new long[raw.length];
        BigInteger byDefinition = BigInteger.ZERO;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        for (int i = raw.length - 1; i >= 0; i--) {
            lanes[i] = bits == 64 ? raw[i] : (raw[i] << (64 - bits)) >> (64 - bits);   // a value that fits the lane
            byDefinition = byDefinition.shiftLeft(bits).or(BigInteger.valueOf(lanes[i]).and(mask));
        }
        BigInteger bus = Packing.pack(lanes, bits);
        assertEquals(byDefinition, bus);
        assertArrayEquals(lanes, Packing.unpack(bus, lanes.length, bits));
    }
}
