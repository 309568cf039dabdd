package defernorm.golden.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The factor tables against the exact functions over their whole input domains (docs/numerics.md,
 * section 5). Every (segment, position) pair is visited; the inputs sharing a pair form a bucket of
 * 2^dropped mantissas (and, for an input wider than the mantissa, everything the truncating normalizer
 * maps into them), so the real mantissa lies in [lo, lo + 2^dropped]. The functions are monotone, so the
 * exact values at the two ends bound the error of every input in the bucket.
 */
class FactorTablesTest {
    /** The proven bound of both tables (docs/numerics.md): below 2^-15. */
    private static final double BOUND = Math.pow(2, -15);

    /** Largest relative error of the table over every bucket; also checks the range and monotonicity. */
    static double sweep(PiecewiseLinear t) {
        int dropped = t.inBits() - t.indexBits() - t.fracBits();
        double worst = 0;
        long prev = Long.MAX_VALUE;
        for (int s = 0; s < t.segments(); s++) {
            for (long frac = 0; frac < 1L << t.fracBits(); frac++) {
                long lo = (((long) (t.first() + s) << t.fracBits()) | frac) << dropped;
                long r = t.at(s, frac);
                assertEquals(r, t.of(lo), "the split of mantissa " + lo);
                assertTrue(r >= 1L << (t.outBits() - 1) && r < 1L << t.outBits(), t.name() + " r = " + r);
                assertTrue(r <= prev, t.name() + " is not monotone at mantissa " + lo);
                prev = r;
                double hiEnd = t.exact(lo + (double) (1L << dropped));
                double loEnd = t.exact(lo);
                worst = Math.max(worst, Math.max(Math.abs(r / loEnd - 1), Math.abs(r / hiEnd - 1)));
            }
        }
        return worst;
    }

    @Test
    void inverseSqrtIsWithin2ToMinus15ForEveryInput() {
        double worst = sweep(InverseSqrtTable.TABLE);
        System.out.printf("InverseSqrtTable: max relative error %.4e = 2^%.2f%n", worst, Math.log(worst) / Math.log(2));
        assertTrue(worst < BOUND, "max relative error " + worst);
    }

    @Test
    void reciprocalIsWithin2ToMinus15ForEveryInput() {
        double worst = sweep(ReciprocalTable.TABLE);
        System.out.printf("ReciprocalTable: max relative error %.4e = 2^%.2f%n", worst, Math.log(worst) / Math.log(2));
        assertTrue(worst < BOUND, "max relative error " + worst);
    }

    @Test
    void shapesAndExamples() {
        PiecewiseLinear rs = InverseSqrtTable.TABLE;
        assertEquals(384, rs.segments());
        assertEquals(128, rs.first());
        assertEquals(21, rs.c0Bits());   // C0[0] = 2^20
        PiecewiseLinear rc = ReciprocalTable.TABLE;
        assertEquals(256, rc.segments());
        assertEquals(21, rc.c0Bits());
        assertEquals(65535, InverseSqrtTable.of(1L << 30));
        assertEquals(46341, InverseSqrtTable.of(1L << 31));
        assertEquals(32768, InverseSqrtTable.of(0xFFFF_FFFFL));
        assertEquals(65535, ReciprocalTable.of(1L << 23));
        assertEquals(43691, ReciprocalTable.of(3L << 22));
        assertEquals(32768, ReciprocalTable.of((1L << 24) - 1));
        assertEquals(rs.word(5) >>> rs.c1Bits(), Math.round(Math.pow(2, 20) / Math.sqrt(133 / 128.0)));
        assertThrows(IllegalArgumentException.class, () -> InverseSqrtTable.of((1L << 30) - 1));
        assertThrows(IllegalArgumentException.class, () -> ReciprocalTable.of(1L << 24));
    }
}
