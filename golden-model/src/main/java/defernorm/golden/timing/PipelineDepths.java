package defernorm.golden.timing;

/**
 * The pipeline depths of one built datapath, in clock edges, as the hardware reports them. The RTL owns
 * these numbers (each unit reports the depth it actually built and the top adds them up); the golden
 * {@link Schedule} is handed them and derives every cycle from them and the shape. docs/timing.md says
 * where each depth is measured from and to.
 *
 * <pre>{@code
 * PipelineDepths d = new PipelineDepths(0, 5, 8, 1, 5, 2, 0);   // e.g. what a matmul-only top reports
 * Schedule s = new Schedule(Op.RMSNORM, Variant.MATMUL, new Params(64, 32, 8, 4, 0), d);
 * }</pre>
 *
 * @param write       edges from a beat's input handshake to the edge its activation-buffer word is written
 *                    (0: written at the handshake; softmax deferred writes the exp front's output)
 * @param reduction   edges from the handshake of a token's last beat to the edge its statistic register
 *                    (beat accumulator, or softmax's denominator) is loaded, before the collective
 * @param factor      edges from the collective's output register to the factor register (the nonlinear chain);
 *                    the collective itself is {@code C} further edges, taken from the shape
 * @param readToArray edges from a buffer read to the MAC array accepting that beat (1, plus the normalize
 *                    lane in the standard variants)
 * @param mac         edges from the MAC array accepting an op to its partial sum landing in the accumulators
 * @param output      edges from the first drain read to the output handshake (output stage or final scale);
 *                    0 for a tile of a system, whose drain leaves the tile (the system adds the network and the root's stage)
 * @param factorSlots factors a deferred top can hold between the factor register and the drain (0 when the
 *                    variant has none); the schedule checks it is never exceeded
 */
public record PipelineDepths(int write, int reduction, int factor, int readToArray, int mac, int output, int factorSlots) {
    public PipelineDepths {
        if (write < 0 || reduction < 0 || factor < 0 || readToArray < 1 || mac < 1 || output < 0 || factorSlots < 0) {
            throw new IllegalArgumentException("pipeline depths must be non-negative (readToArray and mac at least 1), got "
                    + new StringBuilder().append("write=").append(write).append(", reduction=").append(reduction)
                    .append(", factor=").append(factor).append(", readToArray=").append(readToArray).append(", mac=").append(mac)
                    .append(", output=").append(output).append(", factorSlots=").append(factorSlots) + ".");
        }
    }
}
