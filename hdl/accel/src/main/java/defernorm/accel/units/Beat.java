package defernorm.accel.units;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A beat of a token inside the datapath: {@code valid}, {@code last} (the token's last beat) and {@code data};
 * as ports {@code <prefix>_valid}, {@code <prefix>_last}, {@code <prefix>_data}.
 *
 * <pre>{@code
 * Beat in = input("in", Beat.of(Type.uint(64)));   // in_valid, in_last, in_data
 * }</pre>
 */
public record Beat(Signal valid, Signal last, Signal data) {
    public static Shape<Beat> of(Type data) {
        return f -> new Beat(f.field(Type.bool()), f.field(Type.bool()), f.field(data));
    }
}
