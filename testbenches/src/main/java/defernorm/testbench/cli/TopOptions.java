package defernorm.testbench.cli;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which top: op, variant and shape. */
public final class TopOptions {
    @Option(names = "--op", required = true, paramLabel = "OP", description = "layernorm, rmsnorm or softmax.")
    Op op;

    @Option(names = "--variant", required = true, paramLabel = "VARIANT", description = "standard, deferred or matmul.")
    Variant variant;

    @Mixin
    ShapeOptions shape;

    public Op op() { return op; }
    public Variant variant() { return variant; }
    public Params params() { return shape.params(); }

    /** The parameters for a system of {@code sys}'s tiles (C defaults to 0 above one tile). */
    public Params params(SystemOptions sys) { return sys.params(shape); }
}
