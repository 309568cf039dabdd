package defernorm.accel.units;

import defernorm.hdl.Output;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Rescales Q accumulator lanes by one rounding right shift, {@code roundShift(acc[j], s)} (round half up, the
 * single top's rescale rounding): a softmax tile's drained group moves from its local maximum m_t to the
 * global M before the output reduce adds the tiles' groups (docs/system.md). Combinational.
 *
 * <pre>{@code
 * RescaleLanes r = new RescaleLanes(4, 22, 13);   // RescaleLanes_Q4_A22_S13
 * }</pre>
 */
public final class RescaleLanes extends PipelinedUnit {
    /** Q accumulators {@code in_acc} (SInt(A) lanes, lane 0 low), the shift, and the rounded, shifted lanes. */
    public final Signal inAcc, inShift;
    public final Output outAcc;

    public RescaleLanes(int q, int accBits, int shiftBits) {
        super("RescaleLanes_Q" + q + "_A" + accBits + "_S" + shiftBits);
        inAcc = input("in_acc", Type.uint(q * accBits));
        inShift = input("in_shift", Type.uint(shiftBits));
        outAcc = output("out_acc", pack(lanes(inAcc, q, Type.sint(accBits)).stream().map(lane -> roundShift(lane, inShift)).toList()));
    }
}
