package defernorm.accel.tops;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;
import defernorm.hdl.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds any of the 9 accelerator tops (op &times; variant) for a parameter set, and says which pipeline
 * depths it was built with. Every top has the same outside (docs/microarchitecture.md, docs/datapaths.md)
 * and is named by {@link TopName}.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(TopGenerator.generate(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 3)));
 * d.top();   // "RmsNormDeferred_n64_m32_P8_Q4_C3"
 * long lat = TopGenerator.schedule(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 3)).tokenLatency();
 * }</pre>
 */
public final class TopGenerator {
    private record Key(Op op, Variant variant, Params params) {}

    /** Depths per probe shape ({@link #depthProbe}): even a small top takes milliseconds, and the answer never changes. */
    private static final Map<Key, PipelineDepths> DEPTHS = new ConcurrentHashMap<>();

    private TopGenerator() {}

    /**
     * The top for {@code op} in {@code variant} at {@code params}. All 9 combinations are supported; a
     * shape that cannot be built is refused with one sentence naming the rule ({@link Params},
     * {@link TopLimits}) before anything is generated.
     */
    public static Component generate(Op op, Variant variant, Params params) {
        return build(op, variant, params, Placement.single());
    }

    private static TopShell build(Op op, Variant variant, Params params, Placement at) {
        TopLimits.check(op, variant, params);
        return switch (variant) {
            case MATMUL -> new MatmulTop(op, params, at);
            case DEFERRED -> op == Op.SOFTMAX ? new SoftmaxDeferredTop(params, at) : new NormDeferredTop(op, params, at);
            case STANDARD -> op == Op.SOFTMAX ? new SoftmaxStandardTop(params, at) : new NormStandardTop(op, params, at);
        };
    }

    /**
     * One of the {@code tiles} identical tiles of a system (docs/system.md): the datapath of {@code op} in
     * {@code variant} over the tile's own {@code n/T} elements ({@code tileParams}: n/T, m, P, Q, C = 0), with
     * statistics sized for the whole vector, its statistic and drained groups on ports, no output stage.
     * Its {@link TopShell#depths()} have output 0: the system adds the network and the root's stage.
     *
     * <pre>{@code
     * TopShell t = TopGenerator.tile(Op.RMSNORM, Variant.DEFERRED, new Params(16, 32, 4, 4, 0), 4);
     * t.name();   // "RmsNormDeferredTile_n16_m32_P4_Q4_T4"
     * }</pre>
     */
    public static TopShell tile(Op op, Variant variant, Params tileParams, int tiles) {
        return build(op, variant, tileParams, Placement.tile(tiles));
    }

    /**
     * The pipeline depths the top of {@code op} in {@code variant} at {@code params} is built with, as its
     * units report them: what the golden {@code Schedule} is handed ({@code DepthSource}).
     */
    public static PipelineDepths depths(Op op, Variant variant, Params params) {
        TopLimits.check(op, variant, params);
        Params probe = depthProbe(params);
        return DEPTHS.computeIfAbsent(new Key(op, variant, probe), k -> build(op, variant, probe, Placement.single()).depths());
    }

    /**
     * The small shape whose top is built to answer {@link #depths}: same n and P, one output lane, at most two
     * column groups, no collective registers. Every unit's latency depends only on n (its widths) and P (its
     * trees), never on Q, G = m/Q or C (Q and G replicate lanes, accumulators and bias words beside the pipeline;
     * C is the schedule's, not a depth); keeping G &gt; 1 keeps the group ports. So the answer is still what
     * the hardware reports, from a top of P MACs instead of P·Q with m accumulators: a Llama-size layer (n·m up
     * to 117 Mi weights) costs milliseconds instead of seconds. {@code TopGeneratorTest} checks the equality.
     */
    static Params depthProbe(Params params) {
        return new Params(params.n(), Math.min(params.groups(), 2), params.p(), 1, 0);
    }

    /** The golden schedule of that top: {@code new Schedule(op, variant, params, depths(op, variant, params))}. */
    public static Schedule schedule(Op op, Variant variant, Params params) {
        return new Schedule(op, variant, params, depths(op, variant, params));
    }
}
