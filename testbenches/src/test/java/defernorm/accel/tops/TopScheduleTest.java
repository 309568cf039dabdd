package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertNull;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Arrivals;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one timing check: every top's cycles are those of the golden Schedule built from the depths the top
 * reports ({@link TopGenerator#schedule}), on every cycle, at line rate and with gaps in {@code tvalid}
 * (the accepted beats and every output beat land exactly on the model's edges), at shapes with G = 1,
 * NB = 1, P = 1, Q = 1, n not a power of two, and C from 0 to beyond the deferred hiding limit.
 */
class TopScheduleTest {

    static List<Params> shapes() {
        return List.of(new Params(8, 4, 2, 2, 0), new Params(12, 6, 4, 3, 2),
                new Params(12, 6, 6, 1, 1), new Params(6, 4, 1, 4, 3), new Params(20, 8, 4, 2, 9), new Params(6, 4, 6, 2, 1),
                new Params(4, 4, 4, 4, 0), new Params(24, 8, 8, 2, 60));
    }

    static Stream<Arguments> tops() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                for (Params p : shapes()) b.add(Arguments.of(op, v, p));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("tops")
    void lineRateAndGapsLandOnTheSchedulesCycles(Op op, Variant v, Params p) {
        assertNull(ArrivalRun.mismatch(op, v, p, 6, Arrivals.lineRate()));
        assertNull(ArrivalRun.mismatch(op, v, p, 6, Arrivals.randomGaps(3, 0.5)));
        assertNull(ArrivalRun.mismatch(op, v, p, 5, Arrivals.randomGaps(5, 0.15)));
    }

    /** C from 0 to twice the hiding limit of the shape's deferred top, every variant. */
    static Stream<Arguments> collectiveSweep() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Op op : Op.values()) {
            Params base = new Params(16, 12, 4, 2, 0);   // NB = 4, G = 6
            long h = Math.max(1, TopGenerator.schedule(op, Variant.DEFERRED, base).hidingLimit());
            for (long c : new long[] {0, 1, h - 1, h, h + 1, 2 * h}) {
                if (c < 0) continue;
                for (Variant v : Variant.values()) b.add(Arguments.of(op, v, base.withC((int) c)));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("collectiveSweep")
    void everyCollectiveLatencyLandsOnTheSchedulesCycles(Op op, Variant v, Params p) {
        assertNull(ArrivalRun.mismatch(op, v, p, 8, Arrivals.lineRate()));
        assertNull(ArrivalRun.mismatch(op, v, p, 6, Arrivals.randomGaps(9, 0.4)));
    }

    /** The default shape (n=64, m=32, P=8, Q=4), every top, at C = 0 and beyond the hiding limit. */
    static Stream<Arguments> defaultShape() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                for (int c : new int[] {0, 70}) b.add(Arguments.of(op, v, new Params(64, 32, 8, 4, c)));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("defaultShape")
    void theDefaultShapeLandsOnTheSchedulesCycles(Op op, Variant v, Params p) {
        assertNull(ArrivalRun.mismatch(op, v, p, 5, Arrivals.lineRate()));
        assertNull(ArrivalRun.mismatch(op, v, p, 5, Arrivals.randomGaps(2, 0.3)));
    }
}
