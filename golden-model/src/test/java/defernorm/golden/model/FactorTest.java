package defernorm.golden.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The documented error bounds of the per-token factors (docs/numerics.md, section 5). */
class FactorTest {
    @Property
    void inverseSqrtIsWithin2ToMinus15(@ForAll @LongRange(min = 1, max = 1L << 50) long v) {
        Factor f = Factor.inverseSqrt(v);
        assertTrue(f.r() >= 1 << 15 && f.r() < 1 << 16);
        double rel = Math.abs(f.value() * Math.sqrt((double) v) - 1);
        assertTrue(rel < Math.pow(2, -15), "V=" + v + " rel " + rel);
        assertTrue(f.shiftFor(Formats.NORM_OUT_FRAC) >= 0 && f.shiftFor(Formats.NORM_ACT_FRAC) >= 0);
    }

    @Property
    void reciprocalIsWithin2ToMinus15(@ForAll @LongRange(min = 1, max = 1L << 40) long den) {
        Factor f = Factor.reciprocal(den);
        assertTrue(f.r() >= 1 << 15 && f.r() < 1 << 16);
        double rel = Math.abs(f.value() * den - 1);
        assertTrue(rel < Math.pow(2, -15), "den=" + den + " rel " + rel);
        assertTrue(f.shiftFor(Formats.SOFTMAX_OUT_FRAC) >= 0 && f.shiftFor(Formats.PROB_FRAC) >= 0);
    }
}
