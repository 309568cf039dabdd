package defernorm.accel.units;

import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * A word delayed by {@code depth} enabled edges: a register chain up to {@link #MAX_REGISTERS}, beyond that a
 * circular buffer of {@code depth − 1} memory words and its read register (a network's position-matched
 * delays and long links reach thousands of edges: a 16-tile ring at H = 100). Both behave alike on every
 * cycle, reset included: after {@code rst} the output is 0 until {@code depth} enabled edges have passed
 * (the memory is not cleared; its words are masked until overwritten).
 * <pre>{@code
 * DelayLine d = new DelayLine(65, 300);   // DelayLine_W65_D300: a 299-word memory
 * }</pre>
 */
public final class DelayLine extends PipelinedUnit {
    /** Longest delay built from registers. */
    public static final int MAX_REGISTERS = 16;

    /** The word in (UInt(W)), and the same word {@code depth} enabled edges later. */
    public final Signal in;
    public final Output out;
    private final int depth;

    public DelayLine(int width, int depth) {
        super("DelayLine_W" + width + "_D" + depth);
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("A delay line needs a width and a depth of at least 1, not W=" + width + ", D=" + depth + ".");
        }
        this.depth = depth;
        in = input("in", Type.uint(width));
        out = output("out", Type.uint(width));
        Signal delayed;
        if (depth <= MAX_REGISTERS) {
            delayed = delay("q", in, depth);
        } else {
            int words = depth - 1;
            Mem ring = memory("ring", width, words);
            int ab = ring.addrWidth();
            Reg ptr = stageReg("ptr", Type.uint(ab));
            Signal atEnd = ptr.eq(words - 1);
            ptr.set(Signal.mux(atEnd, lit(0, ptr.type()), ptr.plus(1).truncate(ab)));
            // Every word has been written since reset once the pointer has come round.
            Reg wrapped = stageReg("wrapped", Type.bool());
            wrapped.set(wrapped.or(atEnd));
            ring.write(en(), ptr, in);
            Signal word = ring.read("word_q", ptr, en());
            Signal ok = stage("ok_q", wrapped);
            delayed = Signal.mux(ok, word, lit(0, word.type()));
        }
        out.set(delayed);
    }

    /** The delay in enabled edges. */
    public int latency() { return depth; }
}
