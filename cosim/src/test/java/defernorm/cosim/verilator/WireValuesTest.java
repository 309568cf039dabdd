package defernorm.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The protocol's value encoding: two's complement words, little-endian, masked to the width. */
class WireValuesTest {

    @Property void everyValueOfEveryTypeRoundTrips(@ForAll @IntRange(min = 1, max = 200) int width,
                                                   @ForAll boolean signed, @ForAll long seed) {
        Type t = new Type(width, signed);
        BigInteger v = new BigInteger(width, new java.util.Random(seed));  // 0 .. 2^w - 1
        if (signed && v.testBit(width - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(width));
        byte[] buf = new byte[4 * ((width + 31) / 32)];
        WireValues.encode(v, width, buf, 0);
        assertEquals(v, WireValues.decode(buf, 0, t));
        if (width <= 64 && (signed || width < 64)) {
            byte[] fromLong = new byte[buf.length];
            WireValues.encode(v.longValueExact(), width, fromLong, 0);
            assertEquals(v, WireValues.decode(fromLong, 0, t));
            assertEquals(v.longValueExact(), WireValues.decodeLong(fromLong, 0, t));
        }
    }

    @Test void negativeNumbersAreMaskedToTheirWidth() {
        byte[] buf = new byte[4];
        WireValues.encode(-1L, 12, buf, 0);
        assertEquals(0xFFF, WireValues.getInt(buf, 0));
        byte[] wide = new byte[12];
        WireValues.encode(BigInteger.valueOf(-2), 70, wide, 0);
        assertEquals(-2, WireValues.getInt(wide, 0));
        assertEquals(-1, WireValues.getInt(wide, 4));
        assertEquals(0x3F, WireValues.getInt(wide, 8));
    }

    @Test void valuesThatDoNotFitAreRejectedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireValues.checkFits("a", Type.uint(8), BigInteger.valueOf(256)));
        assertEquals("value 256 does not fit input 'a' of UInt(8) (range 0..255)", e.getMessage());  // support.NetErrors wording
        assertThrows(IllegalArgumentException.class, () -> WireValues.checkFits("s", Type.sint(8), BigInteger.valueOf(-129)));
        assertThrows(IllegalArgumentException.class, () -> WireValues.checkFits("u", Type.uint(8), BigInteger.valueOf(-1)));
        WireValues.checkFits("s", Type.sint(8), BigInteger.valueOf(-128));
        assertEquals(false, WireValues.fits(Type.sint(8), 128));
        assertEquals(true, WireValues.fits(Type.uint(63), Long.MAX_VALUE));
    }
}
