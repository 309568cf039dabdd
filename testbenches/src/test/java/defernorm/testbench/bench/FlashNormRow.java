package defernorm.testbench.bench;

import defernorm.golden.model.Variant;
import defernorm.golden.timing.FlashNormExample;

/**
 * FlashNorm's worked example beside ours.
 *
 * @param example the example (our mapping and the paper's figures)
 * @param timing  our three RMSNorm tops at its shape: measured in RTL, or the Schedule's alone when not simulated
 */
record FlashNormRow(FlashNormExample example, TimingRow timing) {
    /** 1 − deferred / standard, from the row's latencies. */
    double ourSaving() {
        return 1.0 - (double) timing.latency(Variant.DEFERRED) / timing.latency(Variant.STANDARD);
    }
}
