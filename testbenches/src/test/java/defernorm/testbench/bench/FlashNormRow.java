package defernorm.testbench.bench;

import defernorm.golden.timing.FlashNormExample;

/**
 * FlashNorm's worked example beside ours: the paper's figures, the golden Schedule's latencies, and (when
 * the shape is small enough to simulate) the latencies measured in RTL.
 *
 * @param example  the example's nf and mf
 * @param measured the RTL measurement at the example's shape, or null when only the Schedule was evaluated
 */
record FlashNormRow(FlashNormExample example, TimingRow measured) {}
