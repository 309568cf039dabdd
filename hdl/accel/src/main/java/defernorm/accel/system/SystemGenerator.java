package defernorm.accel.system;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;
import defernorm.hdl.Component;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a system of T tiles for op &times; variant (docs/system.md) and says which depths it was built with.
 * {@code params} is the system's shape with P the lanes of one tile (the input stream has T·P lanes);
 * T = 1 is exactly {@link TopGenerator}'s single top.
 *
 * <pre>{@code
 * SystemShape ring = new SystemShape(4, Topology.RING, 10, 64);
 * Params prm = new Params(256, 32, 4, 4, 0);
 * Component top = SystemGenerator.generate(Op.RMSNORM, Variant.DEFERRED, prm, ring);
 * int lar = SystemGenerator.collectiveCycles(Op.RMSNORM, Variant.DEFERRED, prm, ring);   // L_ar = 64
 * long lat = SystemGenerator.schedule(Op.RMSNORM, Variant.DEFERRED, prm, ring).tokenLatency();
 * }</pre>
 */
public final class SystemGenerator {
    private record Key(Op op, Variant variant, Params params, SystemShape shape) {}

    /** What a built system reports: its depths and its two network depths. */
    private record Built(PipelineDepths depths, int collectiveCycles, int outputReduceCycles) {}

    private static final Map<Key, Built> BUILT = new ConcurrentHashMap<>();

    private SystemGenerator() {}

    /**
     * The system top; a shape that cannot be built is refused with one sentence naming the rule
     * ({@link SystemLimits}) before anything is generated.
     */
    public static Component generate(Op op, Variant variant, Params params, SystemShape shape) {
        SystemLimits.check(op, variant, params, shape);
        if (shape.isSingle()) return TopGenerator.generate(op, variant, params);
        return new SystemTop(op, variant, params, shape);
    }

    /** The depths the system is built with: a tile's, with the output depth L_or + the root's stage. */
    public static PipelineDepths depths(Op op, Variant variant, Params params, SystemShape shape) {
        return built(op, variant, params, shape).depths();
    }

    /** L_ar: edges from the tiles' statistic registers to the global statistic at every tile (0 for T = 1 or matmul-only). */
    public static int collectiveCycles(Op op, Variant variant, Params params, SystemShape shape) {
        return built(op, variant, params, shape).collectiveCycles();
    }

    /** L_or: edges from the tiles' drained group to the reduced group entering the root's stage (0 for T = 1). */
    public static int outputReduceCycles(Op op, Variant variant, Params params, SystemShape shape) {
        return built(op, variant, params, shape).outputReduceCycles();
    }

    /**
     * The golden schedule of the system: the tiles run in lockstep, so it is a tile's schedule at
     * {@code Params(n/T, m, P, Q, C = L_ar)} with the system's depths. T = 1: {@link TopGenerator#schedule}.
     */
    public static Schedule schedule(Op op, Variant variant, Params params, SystemShape shape) {
        if (shape.isSingle()) return TopGenerator.schedule(op, variant, params);
        Built b = built(op, variant, params, shape);
        return new Schedule(op, variant, SystemLimits.tileParams(params, shape).withC(b.collectiveCycles()), b.depths());
    }

    private static Built built(Op op, Variant variant, Params params, SystemShape shape) {
        return BUILT.computeIfAbsent(new Key(op, variant, params, shape), k -> {
            if (shape.isSingle()) {
                SystemLimits.check(op, variant, params, shape);
                return new Built(TopGenerator.depths(op, variant, params), 0, 0);
            }
            SystemTop top = (SystemTop) generate(op, variant, params, shape);
            return new Built(top.depths(), top.collectiveCycles(), top.outputReduceCycles());
        });
    }
}
