package defernorm.accel.tops;

import defernorm.golden.timing.Latencies;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Module;

/**
 * Builds any of the 9 accelerator tops (op &times; variant) for a parameter set. Every top has the same
 * outside (docs/microarchitecture.md, docs/datapaths.md) and is named by {@link TopName}.
 *
 * <pre>{@code
 * Design d = Elaborator.elaborate(TopGenerator.generate(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 3)));
 * d.top();   // "RmsNormDeferred_n64_m32_P8_Q4_C3"
 * }</pre>
 */
public final class TopGenerator {
    private TopGenerator() {}

    /**
     * The top for {@code op} in {@code variant} at {@code params}. All 9 combinations are supported; a
     * parameter set that breaks a rule is already rejected, with one sentence, by {@link Params} itself.
     */
    /**
     * The pipeline depths the top of {@code op} in {@code variant} at {@code params} is built with, as its
     * units report them: what the golden {@code Schedule} is handed ({@code DepthSource}).
     * TRANSITIONAL: nominal depths until every top reports its own.
     */
    public static PipelineDepths depths(Op op, Variant variant, Params params) {
        return Latencies.nominal(op, variant, params);
    }

    /** The golden schedule of that top: {@code new Schedule(op, variant, params, depths(op, variant, params))}. */
    public static Schedule schedule(Op op, Variant variant, Params params) {
        return new Schedule(op, variant, params, depths(op, variant, params));
    }

    public static Module generate(Op op, Variant variant, Params params) {
        return switch (variant) {
            case MATMUL -> new MatmulTop(op, params);
            case DEFERRED -> op == Op.SOFTMAX ? new SoftmaxDeferredTop(params) : new NormDeferredTop(op, params);
            case STANDARD -> op == Op.SOFTMAX ? new SoftmaxStandardTop(params) : new NormStandardTop(op, params);
        };
    }
}
