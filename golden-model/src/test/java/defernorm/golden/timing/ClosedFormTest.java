package defernorm.golden.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The closed forms written in docs/timing.md equal what Schedule computes. */
class ClosedFormTest {
    @Property(tries = 500)
    void docFormulasMatchSchedule(@ForAll @IntRange(min = 1, max = 20) int p, @ForAll @IntRange(min = 1, max = 30) int nb,
                                  @ForAll @IntRange(min = 1, max = 6) int q, @ForAll @IntRange(min = 1, max = 300) int g,
                                  @ForAll @IntRange(min = 0, max = 150) int c) {
        Params prm = new Params(p * nb, q * g, p, q, c);
        long t = Latencies.treeLevels(p);
        long ng = (long) nb * g;
        for (Op op : Op.values()) {
            boolean sm = op == Op.SOFTMAX;
            Schedule mm = new Schedule(op, Variant.MATMUL, prm);
            assertEquals(ng + g + t + 3, mm.tokenLatency());
            assertEquals(ng, mm.cyclesPerToken());
            Schedule de = new Schedule(op, Variant.DEFERRED, prm);
            long defLat = sm
                    ? (nb - 1L) * g + 2 * t + Math.max(g + 6, c + 25) + g + 4
                    : (nb - 1L) * g + t + Math.max(g + 1, c + 39) + g + 4;
            assertEquals(defLat, de.tokenLatency(), op + " deferred latency");
            long w = Math.max(0, c + (sm ? 19 : 38) - g);
            assertEquals(Math.max(ng, w + g), de.cyclesPerToken(), op + " deferred cpt");
            Schedule st = new Schedule(op, Variant.STANDARD, prm);
            long stdLat = sm ? nb + ng + g + 3 * t + c + 34 : nb + ng + g + 2 * t + c + 45;
            assertEquals(stdLat, st.tokenLatency(), op + " standard latency");
            long stdCpt = Math.max(ng, sm ? nb + (nb - 1L) * g + 2 * t + c + 26 : nb + (nb - 1L) * g + t + c + 40);
            assertEquals(stdCpt, st.cyclesPerToken(), op + " standard cpt");
        }
    }
}
