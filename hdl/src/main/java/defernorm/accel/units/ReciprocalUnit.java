package defernorm.accel.units;

import defernorm.golden.fixed.Reciprocal;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The normalized reciprocal {@link Reciprocal#ofNormalized(long)}: {@code floor((2^31 - 1) / s)} for
 * {@code s} in [2^15, 2^16), by restoring division, one quotient bit per step and one register stage per
 * step, fully pipelined. Bit-exact with the golden function (inputs outside the normalized range are the
 * caller's error, as in the golden model).
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_data} (UInt(16)) &rarr; {@code out_valid},
 * {@code out_data} (UInt(16)), {@link #latency()} enabled edges later.
 *
 * <pre>{@code
 * ReciprocalUnit u = new ReciprocalUnit();   // ReciprocalUnit_B16, 16 stages
 * }</pre>
 */
public final class ReciprocalUnit extends PipelinedUnit {
    private static final int B = Reciprocal.BITS;
    private final int latency;

    public ReciprocalUnit() {
        super("ReciprocalUnit_B" + B);
        this.latency = Latencies.RECIPROCAL;
        if (latency != B) throw new IllegalStateException("Latencies.RECIPROCAL must be one register per quotient bit (" + B + "), not " + latency + ".");
        Signal valid = input("in_valid", Type.bool());
        Signal d = input("in_data", Type.uint(B));
        Signal d17 = d.extend(B + 1);

        // The numerator 2^31-1 is all ones: its top 15 bits are the first remainder (2^15-1 < s), and
        // each step brings down a 1. The remainder stays below s < 2^16.
        long numerator = Reciprocal.NUMERATOR;
        Signal rem = lit(numerator >>> B, Type.uint(B));
        Signal quot = null;
        for (int j = B - 1; j >= 0; j--) {
            int s = B - 1 - j;
            Signal down = Signal.cat(rem, lit((numerator >>> j) & 1, Type.bool()));
            Signal fits = down.ge(d17).named("s" + s + "_fits");
            Signal less = down.minus(d17).truncate(B).asUnsigned();
            if (j > 0) rem = stage("s" + s + "_rem", Signal.mux(fits, less, down.truncate(B)));
            quot = stage("s" + s + "_quot", quot == null ? fits : Signal.cat(quot, fits));
            valid = stage("s" + s + "_valid", valid);
            if (j > 0) d17 = stage("s" + s + "_div", d17);
        }
        output("out_valid", Type.bool()).set(valid);
        output("out_data", Type.uint(B)).set(quot);
    }

    /** Pipeline depth in cycles (= {@code Latencies}' reciprocal depth). */
    public int latency() { return latency; }
}
