package defernorm.accel.units;

import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Rescales Q accumulator lanes by one rounding right shift, {@code roundShift(acc[j], s)} (round half up, the
 * single top's rescale rounding): a softmax tile's drained group moves from its local maximum m_t to the
 * global M before the output reduce adds the tiles' groups (docs/system.md). Combinational.
 *
 * <p>Ports: {@code in_acc} (Q lanes of SInt(A), lane 0 low), {@code in_shift} (UInt(S)) &rarr; {@code out_acc}.
 *
 * <pre>{@code
 * RescaleLanes r = new RescaleLanes(4, 22, 13);   // RescaleLanes_Q4_A22_S13
 * }</pre>
 */
public final class RescaleLanes extends PipelinedUnit {
    public RescaleLanes(int q, int accBits, int shiftBits) {
        super("RescaleLanes_Q" + q + "_A" + accBits + "_S" + shiftBits);
        Signal acc = input("in_acc", Type.uint(q * accBits));
        Signal shift = input("in_shift", Type.uint(shiftBits));
        List<Signal> out = new ArrayList<>();
        for (Signal lane : lanes(acc, q, Type.sint(accBits))) out.add(roundShift(lane, shift));
        output("out_acc", Type.uint(q * accBits)).set(pack(out));
    }
}
