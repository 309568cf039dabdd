package defernorm.accel.system;

import defernorm.accel.units.DelayLine;
import defernorm.accel.units.Flow;
import defernorm.accel.units.PipelinedUnit;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import defernorm.hdl.stream.StreamFifo;

/**
 * A statistics message held until its edge (docs/system.md): the message waits in a FIFO of {@link #SLOTS}
 * entries while only its valid bit travels a {@code depth}-edge {@link DelayLine}; when the bit comes out,
 * the FIFO's head is the message. Four slots suffice because at most four tokens are ever between their
 * statistic and their global value (token t+4's statistic needs token t's factor, through the bank and
 * drain rules). {@code out_data} is only meaningful while {@code out_valid}.
 *
 * <pre>{@code
 * MessageDelay d = new MessageDelay(52, 300);   // 4 × 52 bits held, a 300-edge 1-bit delay line
 * }</pre>
 */
public final class MessageDelay extends PipelinedUnit {
    /** Messages in flight at most. */
    public static final int SLOTS = 4;

    /** The message in ({@code in_valid}, {@code in_data}) and out, {@code depth} enabled edges later. */
    public final Flow in, out;
    private final int depth;

    public MessageDelay(int width, int depth) {
        super("MessageDelay_W" + width + "_D" + depth);
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("A message delay needs a width and a depth of at least 1, not W=" + width + ", D=" + depth + ".");
        }
        this.depth = depth;
        in = input("in", Flow.of(Type.uint(width)));
        out = output("out", Flow.of(Type.uint(width)));
        Signal valid = in.valid(), data = in.data();
        Signal due = delayLine("timer", valid, depth);
        StreamFifo<Signal> q = StreamFifo.of(Type.uint(width), SLOTS, StreamFifo.Storage.REGISTERS);
        Inst held = instance("held", q);
        held.in(q.in.valid(), en().and(valid)).in(q.in.data(), data).in(q.out.ready(), en().and(due));
        out.valid().set(due);
        out.data().set(held.out(q.out.data()));
    }

    /** The delay in enabled edges. */
    public int latency() { return depth; }
}
