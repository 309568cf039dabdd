package defernorm.accel.units;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A word with its valid flag and no handshake (the datapath never refuses a word; the whole-pipeline enable
 * stalls everything at once): ports {@code <prefix>_valid}, {@code <prefix>_data}.
 *
 * <pre>{@code
 * public final Flow in = input("in", Flow.of(Type.uint(32)));   // in_valid, in_data
 * }</pre>
 */
public record Flow(Signal valid, Signal data) {
    public static Shape<Flow> of(Type data) { return f -> new Flow(f.field(Type.bool()), f.field(data)); }
}
