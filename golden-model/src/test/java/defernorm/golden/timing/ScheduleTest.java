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
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The event model of docs/microarchitecture.md: its rules hold for any depths, and its closed forms (docs/timing.md) agree. */
class ScheduleTest {
    @Provide
    Arbitrary<Params> shapes() {
        return Combinators.combine(Arbitraries.integers().between(1, 16), Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(0, 200))
                .as((p, nb, q, g, c) -> new Params(p * nb, q * g, p, q, c));
    }

    @Provide
    Arbitrary<PipelineDepths> depths() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 5))
                .as((w, red, f, rta, mac, out) -> new PipelineDepths(w, red, f, rta, mac, out, 4));
    }

    private static Schedule of(Op op, Variant v, Params prm, PipelineDepths d) {
        // a real standard top's chain (reduction + factor) is longer than its normalize lane, which is what
        // lets one factor slot per buffer bank suffice (Schedule checks it)
        PipelineDepths dv = v == Variant.DEFERRED ? d
                : new PipelineDepths(0, d.reduction(), Math.max(d.factor(), d.readToArray()), d.readToArray(), d.mac(), d.output(), 0);
        return new Schedule(op, v, prm, dv);
    }

    @Property(tries = 300)
    void everyResourceRuleHolds(@ForAll("shapes") Params prm, @ForAll("depths") PipelineDepths d, @ForAll Variant v,
                                @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Schedule s = of(Op.LAYERNORM, v, prm, d);
        Arrivals src = seed % 2 == 0 ? Arrivals.lineRate() : Arrivals.randomGaps(seed, 0.5);
        Timeline tl = s.run(6, src);
        int nb = prm.beats(), g = prm.groups();
        long prevAccept = -1, prevRead = Long.MIN_VALUE / 2;
        for (int t = 0; t < 6; t++) {
            for (int k = 0; k < nb; k++) {
                assertTrue(tl.accept()[t][k] > prevAccept, "one handshake per edge, in order");
                assertTrue(tl.accept()[t][k] >= tl.bankFree()[t], "a bank is written only when free");
                assertTrue(tl.read()[t][k] >= tl.accept()[t][k] + s.depths().write() + 1, "read after write");
                assertTrue(tl.read()[t][k] >= prevRead + g, "one read per G edges");
                prevAccept = tl.accept()[t][k];
                prevRead = tl.read()[t][k];
            }
            if (t >= 2) {
                assertEquals(tl.read()[t - 2][nb - 1] + 1, tl.bankFree()[t]);
                assertTrue(tl.land()[t] > tl.drainStart()[t - 2] + g - 1, "a drain bank is read out before it is loaded again");
            }
            for (int b = 0; b < g; b++) assertEquals(tl.drainStart()[t] + b + s.depths().output(), tl.output()[t][b]);
            if (t > 0) assertTrue(tl.drainStart()[t] >= tl.drainStart()[t - 1] + g, "drains in order, G reads each");
            if (v == Variant.DEFERRED) assertTrue(tl.drainStart()[t] > tl.factor()[t], "deferred drains after its factor");
            if (v == Variant.STANDARD) assertTrue(tl.read()[t][0] > tl.factor()[t], "standard reads back after its factor");
        }
    }

    @Property(tries = 300)
    void deferredIsMatmulPlusTheFixedExtraUpToTheHidingLimitAndOneMorePerCycleAfter(
            @ForAll("shapes") Params shape, @ForAll("depths") PipelineDepths d) {
        Schedule probe = of(Op.RMSNORM, Variant.DEFERRED, shape.withC(0), d);
        long h = probe.hidingLimit();
        long mm = of(Op.RMSNORM, Variant.MATMUL, shape, d).tokenLatency();
        long extra = d.write() + d.output() - d.output();   // same output depth in this synthetic pair
        for (long c : new long[] {0, h - 1, h, h + 1, h + 7}) {
            if (c < 0) continue;
            long lat = of(Op.RMSNORM, Variant.DEFERRED, shape.withC((int) c), d).tokenLatency();
            assertEquals(mm + extra + Math.max(0, c - h), lat, "C=" + c + " H=" + h);
        }
    }

    @Property(tries = 300)
    void deferredIsNeverSlowerThanStandardNorFasterThanMatmul(@ForAll("shapes") Params prm, @ForAll("depths") PipelineDepths d) {
        long mm = of(Op.LAYERNORM, Variant.MATMUL, prm, d).tokenLatency();
        long de = of(Op.LAYERNORM, Variant.DEFERRED, prm, d).tokenLatency() - d.write();
        long st = of(Op.LAYERNORM, Variant.STANDARD, prm, d).tokenLatency();
        assertTrue(mm <= de && de <= st, mm + " <= " + de + " <= " + st);
    }

    @Property(tries = 200)
    void standardReachesTheMatmulRateWhenIngestAndChainFitBehindThePreviousMatmul(@ForAll("shapes") Params prm,
                                                                                  @ForAll("depths") PipelineDepths d) {
        int nb = prm.beats(), g = prm.groups();
        Schedule st = of(Op.LAYERNORM, Variant.STANDARD, prm, d);
        Schedule mm = of(Op.LAYERNORM, Variant.MATMUL, prm, d);
        boolean drainFits = d.readToArray() + d.mac() + g + 1 <= 2L * nb * g;  // two drain banks cover the tail
        int factor = Math.max(d.factor(), d.readToArray());
        boolean chainFits = nb + d.reduction() + prm.c() + factor + 1 <= (long) (nb + 1) * g;
        if (drainFits) assertEquals((double) nb * g, mm.cyclesPerToken(), 1e-9, "matmul-only runs at NB*G");
        if (drainFits && chainFits) assertEquals((double) nb * g, st.cyclesPerToken(), 1e-9, "standard at the matmul rate");
        if (!chainFits) assertTrue(st.cyclesPerToken() > nb * g, "standard below the matmul rate");
    }

    @Property(tries = 200)
    void slowerSourcesOnlyDelay(@ForAll("shapes") Params prm, @ForAll("depths") PipelineDepths d, @ForAll Variant v,
                                @ForAll @IntRange(min = 1, max = 99) int seed) {
        Schedule s = of(Op.SOFTMAX, v, prm, d);
        Timeline fast = s.run(4, Arrivals.lineRate());
        Timeline slow = s.run(4, Arrivals.randomGaps(seed, 0.3));
        for (int t = 0; t < 4; t++) {
            assertTrue(slow.output()[t][0] >= fast.output()[t][0]);
        }
        long prevLast = -1;
        for (int t = 0; t < 4; t++) {
            long last = slow.accept()[t][prm.beats() - 1];
            for (long e = prevLast + 1; e <= last; e++) assertEquals(e >= slow.bankFree()[t], slow.readyAt(e), "tready at " + e);
            prevLast = last;
        }
        assertTrue(!slow.readyAt(prevLast + 1), "no token left after the run");
    }

    @Test
    void defaultShapeWorkedExample() {
        // n=64, m=32, P=8, Q=4: NB = 8, G = 8; depths as a line-rate top with a 5-register reduction,
        // an 8-register factor chain, MAC depth 5.
        Params prm = new Params(64, 32, 8, 4, 4);
        PipelineDepths mmD = new PipelineDepths(0, 0, 0, 1, 5, 2, 0);
        PipelineDepths deD = new PipelineDepths(0, 5, 8, 1, 5, 4, 4);
        Schedule mm = new Schedule(Op.RMSNORM, Variant.MATMUL, prm, mmD);
        Schedule de = new Schedule(Op.RMSNORM, Variant.DEFERRED, prm, deD);
        // reads at 1 + 8k; last read 57; lands 57 + 1 + 7 + 5 = 70; drain 71..78; last output 78 + 2
        assertEquals(80, mm.tokenLatency());
        assertEquals(64.0, mm.cyclesPerToken(), 1e-9);
        assertEquals(50, de.hidingLimit());
        assertEquals(82, de.tokenLatency());
        assertEquals(82 + 10, new Schedule(Op.RMSNORM, Variant.DEFERRED, prm.withC(60), deD).tokenLatency());
    }

    @Test
    void deferredNeedsAFactorSlotAndMatmulHasNoFactor() {
        Params prm = new Params(8, 4, 4, 2, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Schedule(Op.SOFTMAX, Variant.DEFERRED, prm, new PipelineDepths(0, 1, 1, 1, 1, 1, 0)));
        Schedule s = new Schedule(Op.SOFTMAX, Variant.MATMUL, prm, new PipelineDepths(0, 0, 0, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> s.outputCycle(0, 2));
        assertThrows(IllegalStateException.class, () -> s.factorCycle(0));
    }

    @Property(tries = 300)
    void fourFactorSlotsAlwaysSuffice(@ForAll("shapes") Params prm, @ForAll("depths") PipelineDepths d,
                                      @ForAll @IntRange(min = 0, max = 99) int seed) {
        // run() throws if a deferred run ever holds more factors than the slots
        of(Op.LAYERNORM, Variant.DEFERRED, prm, d).run(12, seed % 3 == 0 ? Arrivals.lineRate() : Arrivals.randomGaps(seed, 0.7));
    }
}
