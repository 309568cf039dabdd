package defernorm.golden.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RoundingTest {
    @Property
    void roundsHalfUp(@ForAll @LongRange(min = -(1L << 50), max = 1L << 50) long v, @ForAll @IntRange(min = 1, max = 40) int s) {
        double exact = v / Math.pow(2, s);
        assertEquals((long) Math.floor(exact + 0.5), Rounding.roundShift(v, s));
    }

    @Test
    void tiesAndClamps() {
        assertEquals(3, Rounding.roundShift(5, 1));
        assertEquals(-2, Rounding.roundShift(-5, 1));
        assertEquals(7, Rounding.roundShift(7, 0));
        assertEquals(0, Rounding.roundShift(-12345, 500));
        assertEquals(0, Rounding.roundShift(1L << 60, 100));
    }

    @Test
    void saturates() {
        assertEquals(127, Saturate.signed(300, 8));
        assertEquals(-128, Saturate.signed(-300, 8));
        assertEquals(Integer.MAX_VALUE, Saturate.signed(1L << 40, 32));
    }
}
