package defernorm.golden.system;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.model.OnlineSoftmax;

/**
 * A softmax statistic {@code [max, den]} (den relative to max) and the online merge the all-reduce applies
 * (docs/numerics.md, "Softmax across tiles"): {@code [m,d] ⊕ [m',d'] = [M, roundShift(d, M−m) +
 * roundShift(d', M−m')]}, {@code M = max(m, m')}, with the single top's rescale rounding (round half up,
 * shifts clamped). Symmetric but not associative: the result depends on the merge order, which is the
 * topology's ({@link TopologyOrder}).
 *
 * <pre>{@code
 * new SoftmaxStats(3, 200).merge(new SoftmaxStats(5, 100));   // [5, roundShift(200, 2) + 100] = [5, 150]
 * }</pre>
 */
public record SoftmaxStats(long max, long den) {
    /** {@code this ⊕ o}. */
    public SoftmaxStats merge(SoftmaxStats o) {
        long m = Math.max(max, o.max);
        return new SoftmaxStats(m, Rounding.roundShift(den, OnlineSoftmax.clampShift(m - max))
                + Rounding.roundShift(o.den, OnlineSoftmax.clampShift(m - o.max)));
    }
}
