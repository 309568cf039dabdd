package defernorm.accel.units;

import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A small first-word-fall-through FIFO in registers, advancing under the pipeline enable: entry 0 is the
 * head ({@code out_data}, valid while {@code out_valid}); a pop shifts every entry down one place, a push
 * writes behind the last entry (behind the shifted ones when both happen on one edge). The owner never
 * pushes into a full FIFO nor pops an empty one (the deferred tops' factor FIFO: {@code Schedule.run}
 * proves 4 entries suffice).
 *
 * <p>Ports: {@code en}, {@code push}, {@code in_data} (UInt(W)), {@code pop} &rarr; {@code out_valid},
 * {@code out_data}.
 *
 * <pre>{@code
 * RegFifo f = new RegFifo(24, 4);   // RegFifo_W24_D4
 * }</pre>
 */
public final class RegFifo extends PipelinedUnit {
    private final int depth;

    public RegFifo(int width, int depth) {
        super("RegFifo_W" + width + "_D" + depth);
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("A FIFO needs a width and a depth of at least 1, not W=" + width + ", D=" + depth + ".");
        }
        this.depth = depth;
        Signal push = input("push", Type.bool());
        Signal pop = input("pop", Type.bool());
        Signal data = input("in_data", Type.uint(width));
        int cb = Type.bitsFor(depth);
        Reg count = stageReg("count", Type.uint(cb));
        Signal up = count.plus(1).truncate(cb);
        Signal down = count.minus(1).truncate(cb).asUnsigned();
        count.set(Signal.mux(push, Signal.mux(pop, count, up), Signal.mux(pop, down, count)));
        // Where a push lands: behind the last entry, one place lower when the same edge pops.
        Signal slot = Signal.mux(pop, down, count);
        List<Reg> entries = new ArrayList<>();
        for (int i = 0; i < depth; i++) entries.add(stageReg("entry" + i, Type.uint(width)));
        for (int i = 0; i < depth; i++) {
            Signal shifted = i + 1 < depth ? Signal.mux(pop, entries.get(i + 1), entries.get(i)) : entries.get(i);
            entries.get(i).set(Signal.mux(push.and(slot.eq(i)), data, shifted));
        }
        output("out_valid", Type.bool()).set(count.ne(0));
        output("out_data", Type.uint(width)).set(entries.get(0));
    }

    /** The number of entries. */
    public int depth() { return depth; }
}
