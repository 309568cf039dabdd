package defernorm.golden.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Provide
    Arbitrary<Params> shapes() {
        return Combinators.combine(Arbitraries.integers().between(1, 16), Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 300),
                Arbitraries.integers().between(0, 120))
                .as((p, nb, q, g, c) -> new Params(p * nb, q * g, p, q, c));
    }

    @Property(tries = 300)
    void outputBeatsOfATokenAreConsecutiveAndTokensAreEvenlySpaced(@ForAll("shapes") Params prm, @ForAll Op op, @ForAll Variant v) {
        Schedule s = new Schedule(op, v, prm);
        for (long t = 0; t < 3; t++) {
            for (int g = 1; g < prm.groups(); g++) {
                assertEquals(s.outputCycle(t, g - 1) + 1, s.outputCycle(t, g));
            }
            assertEquals(s.outputCycle(t, 0) + s.cyclesPerToken(), s.outputCycle(t + 1, 0));
            assertEquals(s.inputCycle(t, 0) + s.cyclesPerToken(), s.inputCycle(t + 1, 0));
        }
        assertEquals(0, s.inputCycle(0, 0));
        assertTrue(s.cyclesPerToken() >= (long) prm.beats() * prm.groups(), "throughput ceiling");
    }

    @Property(tries = 300)
    void deferredNeverSlowerThanStandardAndNeverFasterThanMatmul(@ForAll("shapes") Params prm, @ForAll Op op) {
        long std = new Schedule(op, Variant.STANDARD, prm).tokenLatency();
        long def = new Schedule(op, Variant.DEFERRED, prm).tokenLatency();
        long mm = new Schedule(op, Variant.MATMUL, prm).tokenLatency();
        assertTrue(mm <= def && def <= std, mm + " <= " + def + " <= " + std);
        assertTrue(new Schedule(op, Variant.DEFERRED, prm).cyclesPerToken()
                <= new Schedule(op, Variant.STANDARD, prm).cyclesPerToken());
    }

    @Property(tries = 300)
    void consecutiveTokensNeverShareTheArray(@ForAll("shapes") Params prm, @ForAll Op op, @ForAll Variant v) {
        // token t's last beat leaves the array input register G cycles after it entered; the last beat
        // lands G-1+MAC after entering, so the array input of token t+1's first beat is at least
        // NB*G after token t's first: equivalently land(t+1) - land(t) >= NB*G.
        Schedule s = new Schedule(op, v, prm);
        assertTrue(s.landCycle(1) - s.landCycle(0) >= (long) prm.beats() * prm.groups());
    }

    @Property(tries = 300)
    void deferredDrainBankIsNeverOverwrittenBeforeItIsRead(@ForAll("shapes") Params prm, @ForAll Op op) {
        Schedule s = new Schedule(op, Variant.DEFERRED, prm);
        long drainStart = Math.max(s.landCycle(0), s.factorCycle(0));
        // group g is read at drainStart + 1 + g; the next token's group g lands G-1-g cycles before its last
        for (int g = 0; g < prm.groups(); g++) {
            long nextGroupLands = s.landCycle(1) - (prm.groups() - 1 - g);
            assertTrue(nextGroupLands >= drainStart + 1 + g);
        }
    }

    @Property(tries = 200)
    void deferredEqualsMatmulPlusFinalScaleWhenTheFactorIsHidden(@ForAll("shapes") Params prm, @ForAll Op op) {
        Schedule def = new Schedule(op, Variant.DEFERRED, prm);
        Schedule mm = new Schedule(op, Variant.MATMUL, prm);
        long exposed = Math.max(0, def.factorCycle(0) - def.landCycle(0));
        long expected = mm.tokenLatency() + def.arrayFront() + Latencies.FINAL_SCALE - Latencies.OUTPUT + exposed;
        assertEquals(expected, def.tokenLatency());
    }

    @Test
    void matmulClosedForm() {
        // out(t, g) = a(t, NB-1) + (G-1) + MAC(P) + OUTPUT + 1 + g
        Params prm = new Params(64, 12, 8, 4, 0);
        Schedule s = new Schedule(Op.RMSNORM, Variant.MATMUL, prm);
        long aLast = 7 * 3;
        assertEquals(aLast + 2 + (1 + 3 + 1) + 2 + 1, s.outputCycle(0, 0));
        assertEquals(24, s.cyclesPerToken());
    }

    @Test
    void flashNormExampleNumbersArePinned() {
        FlashNormExample big = FlashNormExample.of(512, 128);
        assertEquals(16, big.paperMatmul());
        assertEquals(83, big.ourStandard());
        assertEquals(66, big.ourDeferred());
        assertEquals(30, big.ourMatmul());
        FlashNormExample small = FlashNormExample.of(64, 16);
        assertEquals(77, small.ourStandard());
        assertEquals(63, small.ourDeferred());
        assertTrue(TimingReport.flashNormTable().contains("| 512 | 128 | 24 | 17 |"));
    }

    @Test
    void rejectsBeatsOutOfRangeAndFactorOfMatmul() {
        Schedule s = new Schedule(Op.SOFTMAX, Variant.MATMUL, new Params(8, 4, 4, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> s.outputCycle(0, 2));
        assertThrows(IllegalStateException.class, () -> s.factorCycle(0));
    }
}
