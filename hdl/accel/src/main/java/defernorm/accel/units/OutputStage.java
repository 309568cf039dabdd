package defernorm.accel.units;

import defernorm.hdl.Signal;

import java.util.ArrayList;
import java.util.List;

/**
 * The output stage of matmul-only and standard (2 register stages, {@link #latency()}): drain-bank read with
 * the group's biases, then {@code out[j] = sat32((acc[j] << up) + bias[j])} (up = 0 for matmul-only,
 * {@code NORM_OUT_FRAC - NORM_ACT_FRAC} or {@code SOFTMAX_OUT_FRAC - PROB_FRAC} for standard).
 *
 * <p>Ports: {@code en}; {@code b_we}, {@code b_addr}, {@code b_data} (bias memory, G words of Q int32);
 * {@code in_valid}, {@code in_last}, {@code in_group} (only when G &gt; 1; selects the bias word),
 * {@code in_acc} (Q lanes of SInt(A), lane 0 low) &rarr; {@code out_valid}, {@code out_last},
 * {@code out_data} (Q lanes of int32), 2 enabled edges later.
 *
 * <pre>{@code
 * OutputStage o = new OutputStage(4, 8, 22, 0);   // OutputStage_Q4_G8_A22_UP0
 * }</pre>
 */
public final class OutputStage extends OutputUnit {

    public OutputStage(int q, int groups, int accBits, int up) {
        this(q, groups, accBits, up, true);
    }

    /**
     * @param registeredOutput false to leave the last register to the consumer (the tops' m_axis register):
     *                         {@code out_*} are then combinational from stage 1 (module name suffix {@code _C})
     */
    public OutputStage(int q, int groups, int accBits, int up, boolean registeredOutput) {
        super("OutputStage_Q" + q + "_G" + groups + "_A" + accBits + "_UP" + up, q, groups, accBits, registeredOutput);
        readBias("s1_bias");
        List<Signal> shifted = new ArrayList<>();
        for (Signal a : acc) shifted.add(up == 0 ? a : a.shl(up));
        finish(biasAndSaturate("s2_out", shifted));
    }
}
