package defernorm.accel.tops;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The configuration write port of a top: one word per cycle while {@code we} is high ({@link ConfigMap}).
 * Declared under the prefix {@code cfg}: {@code cfg_we}, {@code cfg_addr}, {@code cfg_wdata}.
 *
 * <pre>{@code ConfigPort cfg = input("cfg", ConfigPort.of(map.addrBits(), map.dataBits())); }</pre>
 */
public record ConfigPort(Signal we, Signal addr, Signal wdata) {
    public static Shape<ConfigPort> of(int addrBits, int dataBits) {
        return f -> new ConfigPort(f.field(Type.bool()), f.field(Type.uint(addrBits)), f.field(Type.uint(dataBits)));
    }
}
