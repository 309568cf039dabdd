package defernorm.golden.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReciprocalTest {
    @Property
    void normalizedReciprocalIsTheFloorQuotient(@ForAll @LongRange(min = 1 << 15, max = (1 << 16) - 1) long s) {
        long r = Reciprocal.ofNormalized(s);
        assertEquals(((1L << 31) - 1) / s, r);
        assertTrue(r >= 1 << 15 && r < 1 << 16);
    }

    @Property
    void restoringDivisionMatchesIntegerDivision(@ForAll @LongRange(min = 0, max = (1L << 40) - 1) long num,
                                                 @ForAll @LongRange(min = 1 << 20, max = 1L << 30) long d) {
        assertEquals(num / d, Reciprocal.floorDiv(num, 40, d, 21));
    }

    @Test
    void endpoints() {
        assertEquals(65535, Reciprocal.ofNormalized(1 << 15));
        assertEquals(32768, Reciprocal.ofNormalized(65535));
        assertThrows(IllegalArgumentException.class, () -> Reciprocal.ofNormalized(100));
        assertThrows(IllegalArgumentException.class, () -> Reciprocal.floorDiv(1L << 20, 21, 1, 4));
    }
}
