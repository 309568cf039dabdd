package defernorm.testbench.sweep;

import defernorm.accel.system.SystemGenerator;
import defernorm.accel.system.SystemLimits;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Params;
import defernorm.golden.timing.Schedule;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.SystemTops;

/**
 * The hardware and golden model behind one grid point, the one place a sweep touches the generators: the
 * system of docs/system.md ({@link SystemGenerator}, {@link SystemTops}), which at T = 1 is today's single top
 * (C = 0: one tile has no collective).
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
        SystemLimits.check(p.op(), p.variant(), p.params(), p.shape());
    }

    /** The golden schedule of the point's system, on the depths the hardware reports. */
    static Schedule schedule(GridPoint p) {
        return SystemGenerator.schedule(p.op(), p.variant(), p.params(), p.shape());
    }

    /** L_ar: edges from the tiles' statistic registers to the global one (0 at T = 1 and for matmul-only). */
    static long collectiveCycles(GridPoint p) {
        return SystemGenerator.collectiveCycles(p.op(), p.variant(), p.params(), p.shape());
    }

    /** L_or: edges the output reduce adds to the output depth (0 at T = 1). */
    static long outputReduceCycles(GridPoint p) {
        return SystemGenerator.outputReduceCycles(p.op(), p.variant(), p.params(), p.shape());
    }

    /** A random legal layer for the point, at the system's stream shape (T·P lanes), seeded by {@code seed}. */
    static LayerConfig layer(GridPoint p, long seed) {
        Params stream = SystemTops.streamParams(p.params(), p.shape());
        return RandomLayers.config(p.op(), stream, seed);
    }

    /** The point's system with the configuration words of {@code cfg} ({@link #layer}) and its golden model. */
    static TopUnderTest underTest(GridPoint p, LayerConfig cfg) {
        return SystemTops.underTest(p.variant(), cfg, p.shape());
    }
}
