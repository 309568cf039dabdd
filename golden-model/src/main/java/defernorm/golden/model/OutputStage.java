package defernorm.golden.model;

import defernorm.golden.fixed.Rounding;
import defernorm.golden.fixed.Saturate;
import java.util.function.LongUnaryOperator;

/**
 * The output stage every datapath drains its accumulators into: out[j] = sat32(scale(acc[j]) + bias[j]).
 * Datapaths differ only in the scale, so each has a named entry point here.
 *
 * <pre>{@code
 * long[] out = OutputStage.scaled(acc, f.r(), f.shiftFor(Formats.SOFTMAX_OUT_FRAC), cfg);
 * }</pre>
 */
final class OutputStage {
    private OutputStage() {}

    /** out[j] = sat32(acc[j] + bias[j]): no scaling (matmul only). */
    static long[] biased(long[] acc, LayerConfig cfg) {
        return drain(acc, v -> v, cfg);
    }

    /** out[j] = sat32(roundShift(acc[j] * r, shift) + bias[j]): the deferred variants' final scale. */
    static long[] scaled(long[] acc, long r, int shift, LayerConfig cfg) {
        return drain(acc, v -> Rounding.roundShift(v * r, shift), cfg);
    }

    /** out[j] = sat32(roundShift(acc[j], shift) + bias[j]): full-precision standard (already scaled by r). */
    static long[] rounded(long[] acc, int shift, LayerConfig cfg) {
        return drain(acc, v -> Rounding.roundShift(v, shift), cfg);
    }

    /** out[j] = sat32((acc[j] << up) + bias[j]): requantized standard, restoring the output's fraction bits. */
    static long[] shiftedUp(long[] acc, int up, LayerConfig cfg) {
        return drain(acc, v -> v << up, cfg);
    }

    private static long[] drain(long[] acc, LongUnaryOperator scale, LayerConfig cfg) {
        long[] bias = cfg.bias();
        long[] out = new long[acc.length];
        for (int j = 0; j < acc.length; j++) {
            out[j] = Saturate.signed(scale.applyAsLong(acc[j]) + bias[j], Formats.OUT_BITS);
        }
        return out;
    }
}
