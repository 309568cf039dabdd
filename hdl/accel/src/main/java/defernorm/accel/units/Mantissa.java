package defernorm.accel.units;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A table unit's result {@code r · 2^exp} with its valid flag: {@code <prefix>_valid}, {@code <prefix>_r}
 * (UInt), {@code <prefix>_exp} (SInt({@link LeadingOneNormalizer#EXP_BITS})).
 *
 * <pre>{@code
 * Mantissa out = output("out", Mantissa.of(16));   // out_valid, out_r, out_exp
 * }</pre>
 */
public record Mantissa(Signal valid, Signal r, Signal exp) {
    public static Shape<Mantissa> of(int rBits) {
        return f -> new Mantissa(f.field(Type.bool()), f.field(Type.uint(rBits)), f.field(Type.sint(LeadingOneNormalizer.EXP_BITS)));
    }
}
