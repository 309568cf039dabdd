package defernorm.hdl.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The one clog2 and the one "bits to hold 0..max" of the language. */
class TypeWidthsTest {
    @Test
    void clog2IsVerilogsClog2() {
        assertEquals(0, Type.clog2(0));
        assertEquals(0, Type.clog2(1));
        assertEquals(1, Type.clog2(2));
        assertEquals(2, Type.clog2(3));
        assertEquals(3, Type.clog2(8));
        assertEquals(4, Type.clog2(9));
        assertEquals(63, Type.clog2(Long.MAX_VALUE));
    }

    @Property
    void clog2IsTheSmallestPowerOfTwoAtLeastN(@ForAll @LongRange(min = 2, max = Long.MAX_VALUE) long n) {
        int k = Type.clog2(n);
        BigInteger big = BigInteger.valueOf(n);
        assertEquals(true, BigInteger.ONE.shiftLeft(k).compareTo(big) >= 0);
        assertEquals(true, BigInteger.ONE.shiftLeft(k - 1).compareTo(big) < 0);
    }

    @Property
    void bitsForHoldsEveryValueUpToMaxAndNoFewerBitsDo(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long max) {
        assertEquals(Math.max(1, BigInteger.valueOf(max).bitLength()), Type.bitsFor(max));
    }

    @Test
    void bitsForANegativeMaximumIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Type.bitsFor(-1));
        assertEquals("bitsFor needs a maximum of at least 0, not -1", e.getMessage());
    }
}
