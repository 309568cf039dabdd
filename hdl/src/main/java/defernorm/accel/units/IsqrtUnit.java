package defernorm.accel.units;

import defernorm.golden.fixed.Isqrt;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Exact integer square root, {@code floor(sqrt(v))}, by the digit-by-digit restoring method of
 * {@link Isqrt#floorSqrt(long, int)}: one result bit per step, one register stage per step, fully
 * pipelined (a new input every cycle). Bit-exact with the golden function.
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_data} (UInt(B), B even) &rarr; {@code out_valid},
 * {@code out_data} (UInt(B/2)), {@link #latency()} enabled edges later.
 *
 * <pre>{@code
 * IsqrtUnit u = new IsqrtUnit(32);   // IsqrtUnit_B32, 16 stages
 * }</pre>
 */
public final class IsqrtUnit extends PipelinedUnit {
    private final int latency;

    public IsqrtUnit(int inBits) {
        super("IsqrtUnit_B" + inBits);
        if (inBits < 2 || inBits > 62 || (inBits & 1) != 0) {
            throw new IllegalArgumentException("IsqrtUnit needs an even input width in 2..62, not " + inBits + ".");
        }
        int k = Isqrt.steps(inBits);
        this.latency = k;   // one register per restoring step: Latencies.ISQRT for the 32-bit unit
        Signal valid = input("in_valid", Type.bool());
        Signal v = input("in_data", Type.uint(inBits));

        // rem <= 2*root always holds, so k+2 bits hold every remainder and trial value.
        Signal rem = lit(0, Type.uint(k + 2));
        Signal root = lit(0, Type.uint(k));
        Signal rest = v;
        for (int i = k - 1; i >= 0; i--) {
            int s = k - 1 - i;
            Signal pair = rest.slice(2 * i + 1, 2 * i);
            Signal down = Signal.cat(rem.truncate(k), pair);
            Signal trial = Signal.cat(root, lit(1, Type.uint(2)));
            Signal fits = down.ge(trial).named("s" + s + "_fits");
            Signal less = down.minus(trial).truncate(k + 2).asUnsigned();
            if (i > 0) rem = stage("s" + s + "_rem", Signal.mux(fits, less, down));
            root = stage("s" + s + "_root", Signal.cat(root.truncate(Math.max(1, k - 1)), fits).truncate(k));
            valid = stage("s" + s + "_valid", valid);
            if (i > 0) rest = stage("s" + s + "_rest", rest.truncate(2 * i));
        }
        output("out_valid", Type.bool()).set(valid);
        output("out_data", Type.uint(k)).set(root);
    }

    /** Pipeline depth in cycles: {@code Isqrt.steps(B)} (= {@code Latencies.ISQRT} for B = 32). */
    public int latency() { return latency; }
}
