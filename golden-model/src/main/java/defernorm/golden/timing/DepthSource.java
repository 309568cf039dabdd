package defernorm.golden.timing;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;

/**
 * Where a timing table gets the pipeline depths of a datapath from: the hardware (the accelerator module's
 * {@code TopGenerator::depths} builds the top and asks it). The golden model never makes depths up itself.
 *
 * <pre>{@code
 * DepthSource rtl = TopGenerator::depths;
 * long lat = new Schedule(op, v, prm, rtl.depths(op, v, prm)).tokenLatency();
 * }</pre>
 */
@FunctionalInterface
public interface DepthSource {
    /** The depths of the datapath {@code op} × {@code variant} built at {@code params}. */
    PipelineDepths depths(Op op, Variant variant, Params params);

    /** The schedule of that datapath. */
    default Schedule schedule(Op op, Variant variant, Params params) {
        return new Schedule(op, variant, params, depths(op, variant, params));
    }
}
