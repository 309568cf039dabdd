package defernorm.accel.units;

/**
 * The output stage of matmul-only and standard (2 register stages, {@link #latency()}): drain-bank read with
 * the group's biases, then {@code out[j] = sat32((acc[j] << up) + bias[j])} (up = 0 for matmul-only,
 * {@code NORM_OUT_FRAC - NORM_ACT_FRAC} or {@code SOFTMAX_OUT_FRAC - PROB_FRAC} for standard).
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
        finish("s2_out", acc.stream().map(a -> up == 0 ? a : a.shl(up)).toList());
    }
}
