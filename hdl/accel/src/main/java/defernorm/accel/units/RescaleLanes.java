package defernorm.accel.units;

import defernorm.hdl.Output;
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
    /** Q accumulators (SInt(A) lanes), the shift, and the rounded, shifted lanes. */
    public final Signal inAcc;
    public final Signal inShift;
    public final Output outAcc;

    public RescaleLanes(int q, int accBits, int shiftBits) {
        super("RescaleLanes_Q" + q + "_A" + accBits + "_S" + shiftBits);
        inAcc = input("in_acc", Type.uint(q * accBits));
        inShift = input("in_shift", Type.uint(shiftBits));
        outAcc = output("out_acc", Type.uint(q * accBits));
        List<Signal> out = new ArrayList<>();
        for (Signal lane : lanes(inAcc, q, Type.sint(accBits))) out.add(roundShift(lane, inShift));
        outAcc.set(pack(out));
    }
}
