package defernorm.testbench.bench;

import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.emit.SynthStats;
import java.util.Map;

/**
 * Yosys sizes of the three RMSNorm variants at one shape.
 *
 * @param params the shape
 * @param stats  full-flow synthesis statistics by variant
 * @param millis synthesis wall time by variant
 */
record SizeRow(Params params, Map<Variant, SynthStats> stats, Map<Variant, Long> millis) {
    /** Bits of the standard variant's activation buffer: the whole token, n int8 values. */
    long activationBufferBits() { return 8L * params.n(); }

    /** Bits of the weight memory every variant holds (NB·G tiles of P·Q int8 = n·m·8), mapped to flip-flops by the full flow. */
    long weightBits() { return 8L * params.n() * params.m(); }

    /** Flip-flop bits the deferred variant saves against the standard one. */
    long flipFlopsSaved() {
        return stats.get(Variant.STANDARD).flipFlops() - (long) stats.get(Variant.DEFERRED).flipFlops();
    }

    /** Cells the deferred variant saves against the standard one. */
    long cellsSaved() {
        return stats.get(Variant.STANDARD).cells() - (long) stats.get(Variant.DEFERRED).cells();
    }
}
