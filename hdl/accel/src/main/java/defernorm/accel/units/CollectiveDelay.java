package defernorm.accel.units;

import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The collective stage: a reduction result (and its valid flag) delayed by {@code C} register stages,
 * standing for the gather across tiles of a distributed accelerator. {@code C = 0} is a plain wire and then
 * has no {@code en} port (nothing to enable).
 *
 * <p>Ports: {@code en} (only when C &gt; 0), {@code in_valid}, {@code in_data} (UInt(W)) &rarr;
 * {@code out_valid}, {@code out_data}, {@code C} enabled edges later.
 *
 * <pre>{@code
 * Inst coll = instance("coll", new CollectiveDelay(32, 3));   // CollectiveDelay_W32_C3
 * }</pre>
 */
public final class CollectiveDelay extends PipelinedUnit {
    private final int cycles;

    public CollectiveDelay(int width, int cycles) {
        super("CollectiveDelay_W" + width + "_C" + cycles);
        if (width < 1) throw new IllegalArgumentException("CollectiveDelay needs a data width of at least 1 bit, not " + width + ".");
        if (cycles < 0) throw new IllegalArgumentException("The collective latency C must be at least 0, not " + cycles + ".");
        this.cycles = cycles;
        Signal valid = input("in_valid", Type.bool());
        Signal data = input("in_data", Type.uint(width));
        output("out_valid", Type.bool()).set(delay("valid", valid, cycles));
        output("out_data", Type.uint(width)).set(delay("data", data, cycles));
    }

    /** The latency in cycles (= C). */
    public int latency() { return cycles; }
}
