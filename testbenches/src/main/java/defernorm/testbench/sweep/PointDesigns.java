package defernorm.testbench.sweep;

import defernorm.accel.tops.TopGenerator;
import defernorm.accel.tops.TopLimits;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.timing.Schedule;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.Tops;

/**
 * The hardware and golden model behind one grid point, the one place a sweep touches the generators: at
 * T = 1 today's single top (C = 0: one tile has no collective), at T > 1 the system of docs/system.md.
 *
 * <pre>{@code
 * PointDesigns.check(point);                       // one sentence if the point cannot be built
 * long predicted = PointDesigns.schedule(point).tokenLatency();
 * }</pre>
 */
final class PointDesigns {
    private PointDesigns() {}

    /** Throws {@link IllegalArgumentException} with one sentence naming the first rule the point breaks. */
    static void check(GridPoint p) {
        p.params();
        p.shape();
        long lanes = (long) p.tiles() * p.p();
        if (p.n() % lanes != 0) {
            throw new IllegalArgumentException("T·P must divide n, but T·P = " + p.tiles() + "·" + p.p() + " = " + lanes
                    + " does not divide n = " + p.n() + ".");
        }
        TopLimits.check(p.op(), p.variant(), p.tile());
        if (p.tiles() > 1) throw systemTopsMissing();
    }

    /** The golden schedule of the point's top, on the depths the hardware reports. */
    static Schedule schedule(GridPoint p) {
        if (p.tiles() > 1) throw systemTopsMissing();
        return TopGenerator.schedule(p.op(), p.variant(), p.params());
    }

    /** L_ar: edges from the local statistic register to the global one (0 at T = 1: no collective). */
    static long collectiveCycles(GridPoint p) {
        if (p.tiles() > 1) throw systemTopsMissing();
        return 0;
    }

    /** L_or: edges the output reduce adds to the output depth (0 at T = 1). */
    static long outputReduceCycles(GridPoint p) {
        if (p.tiles() > 1) throw systemTopsMissing();
        return 0;
    }

    /** The point's top with the configuration words of {@code cfg} (a layer over the whole n) and its golden model. */
    static TopUnderTest underTest(GridPoint p, LayerConfig cfg) {
        if (p.tiles() > 1) throw systemTopsMissing();
        return Tops.underTest(p.variant(), cfg);
    }

    private static IllegalArgumentException systemTopsMissing() {
        return new IllegalArgumentException("T > 1 needs the system tops of docs/system.md, which this build does not have yet; use --tiles 1.");
    }
}
