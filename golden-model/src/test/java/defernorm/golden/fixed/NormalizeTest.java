package defernorm.golden.fixed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class NormalizeTest {
    @Property
    void evenNormalizationLandsIn30To32Bits(@ForAll @LongRange(min = 1, max = 1L << 50) long v) {
        int e = Normalize.evenExponent(v, 32);
        long vn = Normalize.evenMantissa(v, e);
        assertTrue(vn >= 1L << 30 && vn < 1L << 32, v + " -> " + vn);
    }

    @Property
    void normalizationLandsIn16Bits(@ForAll @LongRange(min = 1, max = 1L << 50) long v) {
        long vn = Normalize.mantissa(v, Normalize.exponent(v, 16));
        assertTrue(vn >= 1L << 15 && vn < 1L << 16);
    }
}
