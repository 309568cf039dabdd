package defernorm.golden.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class Exp2Test {
    @Test
    void tableIsMonotoneEightBitAndStartsAt128() {
        long[] t = Exp2.table(Exp2.INDEX_BITS, Exp2.OUT_BITS);
        assertEquals(256, t.length);
        assertEquals(128, t[0]);
        assertEquals(255, t[255]);   // clamped from round(255.65) = 256, the only clamped entry
        assertEquals(255, t[254]);
        for (int j = 1; j < t.length; j++) {
            assertTrue(t[j] >= t[j - 1] && t[j] <= 255);
        }
    }

    @Property
    void approximates128TimesPowerOfTwo(@ForAll @LongRange(min = -12 * 4096, max = 4095) long d) {
        double exact = 128 * Math.pow(2, d / 4096.0);
        long p = Exp2.of(d);
        assertTrue(p >= 0 && p <= 255);
        // half a table step (2^-9 relative), the table rounding and the shift rounding, each <= 1/2 LSB
        assertTrue(Math.abs(p - exact) <= exact * 0.0014 + 1.0 + 1e-9, "exp2(" + d + ") = " + p + " vs " + exact);
    }

    @Test
    void shiftsAndUnderflows() {
        assertEquals(128, Exp2.of(0));
        assertEquals(64, Exp2.of(-4096));
        assertEquals(1, Exp2.of(-8 * 4096));   // 128..255 >> 8, rounded half up
        assertEquals(0, Exp2.of(-9 * 4096));
        assertEquals(0, Exp2.of(Long.MIN_VALUE / 4));
        assertThrows(IllegalArgumentException.class, () -> Exp2.of(4096));
    }
}
