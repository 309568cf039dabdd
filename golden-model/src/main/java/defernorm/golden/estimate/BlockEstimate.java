package defernorm.golden.estimate;

/**
 * Cycles of one decoder block, split into the parts the variant changes (the three fused
 * norm/softmax ops) and the plain matmuls it does not.
 *
 * @param fused  cycles of RMSNorm->QKV, softmax->PV and RMSNorm->gate/up
 * @param plain  cycles of QK^T, O projection and the down projection
 */
public record BlockEstimate(long fused, long plain) {
    public long total() {
        return fused + plain;
    }
}
