package defernorm.golden.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsqrtTest {
    @Property
    void isTheFloorSquareRootOf32BitInputs(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long v) {
        long q = Isqrt.floorSqrt(v, 32);
        assertTrue(q * q <= v && (q + 1) * (q + 1) > v, "isqrt(" + v + ") = " + q);
    }

    @Property
    void isExactFor62BitInputs(@ForAll @LongRange(min = 0, max = (1L << 62) - 1) long v) {
        long q = Isqrt.floorSqrt(v, 62);
        assertTrue(q * q <= v && (q + 1) * (q + 1) > v);
    }

    @Test
    void edgeValues() {
        assertEquals(0, Isqrt.floorSqrt(0, 32));
        assertEquals(1L << 15, Isqrt.floorSqrt(1L << 30, 32));
        assertEquals(65535, Isqrt.floorSqrt(0xFFFF_FFFFL, 32));
        // The Newton worst case from I-BERT's 6-iteration example is just another input here.
        assertEquals(4096, Isqrt.floorSqrt(16_785_408L, 32));
        assertEquals(16, Isqrt.steps(32));
    }

    @Test
    void rejectsOutOfRangeInput() {
        assertThrows(IllegalArgumentException.class, () -> Isqrt.floorSqrt(1L << 32, 32));
        assertThrows(IllegalArgumentException.class, () -> Isqrt.floorSqrt(4, 7));
    }
}
