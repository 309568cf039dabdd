package defernorm.accel.units;

import defernorm.hdl.ir.Type;

/**
 * The collective stage: a reduction result (and its valid flag) delayed by {@code C} register stages,
 * standing for the gather across tiles of a distributed accelerator. {@code C = 0} is a plain wire and then
 * has no {@code en} port (nothing to enable).
 * <pre>{@code
 * Inst coll = instance("coll", new CollectiveDelay(32, 3));   // CollectiveDelay_W32_C3
 * }</pre>
 */
public final class CollectiveDelay extends PipelinedUnit {
    /** The statistic and its valid, and the same C enabled edges later. */
    public final Flow in, out;
    private final int cycles;

    public CollectiveDelay(int width, int cycles) {
        super("CollectiveDelay_W" + width + "_C" + cycles);
        if (width < 1) throw new IllegalArgumentException("CollectiveDelay needs a data width of at least 1 bit, not " + width + ".");
        if (cycles < 0) throw new IllegalArgumentException("The collective latency C must be at least 0, not " + cycles + ".");
        this.cycles = cycles;
        in = input("in", Flow.of(Type.uint(width)));
        out = output("out", Flow.of(Type.uint(width)));
        out.valid().set(delay("valid", in.valid(), cycles));
        out.data().set(delay("data", in.data(), cycles));
    }

    /** The latency in cycles (= C). */
    public int latency() { return cycles; }
}
