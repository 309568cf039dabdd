package defernorm.testbench.bench;

import defernorm.golden.timing.FlashNormExample;

/**
 * FlashNorm's worked example beside ours.
 *
 * @param example  the example (our mapping and the paper's figures)
 * @param timing   our three RMSNorm tops at its shape: measured in RTL, or the Schedule's alone when too large to simulate
 */
record FlashNormRow(FlashNormExample example, TimingRow timing) {
    /** 1 − deferred / standard, from the row's latencies. */
    double ourSaving() {
        return 1.0 - (double) timing.latency(defernorm.golden.model.Variant.DEFERRED) / timing.latency(defernorm.golden.model.Variant.STANDARD);
    }
}
