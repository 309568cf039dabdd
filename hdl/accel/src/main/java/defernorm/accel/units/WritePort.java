package defernorm.accel.units;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A memory's write port fed from the configuration port: {@code <prefix>_we}, {@code <prefix>_addr},
 * {@code <prefix>_data} (the MAC array's weights {@code w_*}, the output stage's biases {@code b_*}).
 *
 * <pre>{@code
 * public final WritePort weights = input("w", WritePort.of(wmem.addrWidth(), p * q * 8));
 * wmem.write(weights.we(), weights.addr(), weights.data());
 * }</pre>
 */
public record WritePort(Signal we, Signal addr, Signal data) {
    public static Shape<WritePort> of(int addrBits, int dataBits) {
        return f -> new WritePort(f.field(Type.bool()), f.field(Type.uint(addrBits)), f.field(Type.uint(dataBits)));
    }
}
