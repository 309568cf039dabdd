package defernorm.hdl.stream;

import defernorm.hdl.Component;
import defernorm.hdl.Mem;
import defernorm.hdl.Reg;
import defernorm.hdl.Role;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-word-fall-through FIFO of {@code depth} beats between two valid/ready {@link Stream}s: the head
 * beat is on {@code out_data} while {@code out_valid}; a beat enters when {@code in_valid && in_ready} and
 * leaves when {@code out_valid && out_ready}, both in the same cycle if need be (one beat per cycle in
 * and out). {@code in_ready} is {@code !full}, so it never depends on {@code in_valid}. Also outputs
 * {@code count} (0..depth), {@code full} and {@code empty}. A beat pushed into an empty FIFO is at the output
 * on the next cycle.
 *
 * <p>{@link Storage#MEMORY} keeps the beats in a memory with a synchronous read port (read one cycle ahead,
 * with a bypass register for a beat written into the slot being read); {@link Storage#REGISTERS} keeps them
 * in a shift register whose entry 0 is the head (no read multiplexer: for small depths).
 *
 * <pre>{@code
 * Inst q = instance("q", new StreamFifo(Type.uint(8), 16, StreamFifo.Storage.MEMORY));  // StreamFifo_U8_D16_Mem
 * Stream.link(producer, "out", q, "in", false);
 * Signal level = q.out("count");
 * }</pre>
 */
public final class StreamFifo extends Component {
    /** Where the beats are held. */
    public enum Storage { MEMORY, REGISTERS }

    private final int depth;

    public StreamFifo(Type payload, int depth, Storage storage) {
        super("StreamFifo_" + StreamNames.of(payload, false) + "_D" + depth + (storage == Storage.MEMORY ? "_Mem" : "_Reg"));
        if (depth < 1) throw new IllegalArgumentException("a FIFO needs a depth of at least 1, not " + depth + ".");
        this.depth = depth;
        Stream in = ports("in", new Stream(payload), Role.SLAVE);
        Stream out = ports("out", new Stream(payload), Role.MASTER);
        int w = payload.width();
        int cw = countWidth(depth);
        Reg count = reg("count_q", Type.uint(cw)).resetTo(0);
        Signal full = count.eq(depth).named("is_full");
        Signal empty = count.eq(0).named("is_empty");
        Signal push = in.valid().and(full.not()).named("push");
        Signal pop = out.ready().and(empty.not()).named("pop");
        Signal up = count.plus(1).truncate(cw);
        Signal down = count.minus(1).asUnsigned().truncate(cw);
        when(push.and(pop.not()), () -> count.set(up)).elseWhen(pop.and(push.not()), () -> count.set(down));

        Signal word = in.data().asUnsigned();
        Signal head = storage == Storage.MEMORY ? memoryHead(word, push, pop, w) : registerHead(word, push, pop, count, down, w);
        in.ready().set(full.not());
        out.valid().set(empty.not());
        out.data().set(payload.signed() ? head.asSigned() : head);
        output("count", Type.uint(cw)).set(count);
        output("full", Type.bool()).set(full);
        output("empty", Type.bool()).set(empty);
    }

    /** The number of beats it holds. */
    public int depth() { return depth; }

    /** The width of {@code count}: enough bits for 0..depth. */
    public static int countWidth(int depth) { return 32 - Integer.numberOfLeadingZeros(depth); }

    /** A memory read one cycle ahead at the next head address, with a bypass for a same-slot write. */
    private Signal memoryHead(Signal word, Signal push, Signal pop, int w) {
        Mem mem = memory("storage", w, depth);
        int aw = mem.addrWidth();
        Reg wrPtr = reg("wr_ptr", Type.uint(aw)).resetTo(0);
        Reg rdPtr = reg("rd_ptr", Type.uint(aw)).resetTo(0);
        Wire rdNext = wire("rd_next", Type.uint(aw));
        rdNext.set(rdPtr);
        when(pop, () -> rdNext.set(increment(rdPtr)));
        rdPtr.set(rdNext);
        mem.write(push, wrPtr, word);
        when(push, () -> wrPtr.set(increment(wrPtr)));
        Signal rdData = mem.read("rd_data", rdNext, null);
        // The memory reads first: a beat written into the slot read in the same cycle comes from the bypass.
        Signal collision = push.and(wrPtr.eq(rdNext)).named("collision");
        Reg useBypass = reg("use_bypass_q", Type.bool()).resetTo(0);
        Reg bypass = reg("bypass_q", Type.uint(w)).resetTo(0);
        useBypass.set(collision);
        when(collision, () -> bypass.set(word));
        return Signal.mux(useBypass, bypass, rdData);
    }

    /** Entries in registers, entry 0 the head: a pop shifts down, a push lands behind the last entry. */
    private Signal registerHead(Signal word, Signal push, Signal pop, Signal count, Signal down, int w) {
        Signal slot = Signal.mux(pop, down, count);   // one place lower when the same edge pops
        List<Reg> entries = new ArrayList<>();
        for (int i = 0; i < depth; i++) entries.add(reg("entry" + i, Type.uint(w)).resetTo(0));
        for (int i = 0; i < depth; i++) {
            Signal shifted = i + 1 < depth ? Signal.mux(pop, entries.get(i + 1), entries.get(i)) : entries.get(i);
            entries.get(i).set(Signal.mux(push.and(slot.eq(i)), word, shifted));
        }
        return entries.get(0);
    }

    /** {@code p + 1}, wrapping to 0 after {@code depth - 1}. */
    private Signal increment(Signal p) {
        return Signal.mux(p.eq(depth - 1), lit(0, p.type()), p.plus(1).truncate(p.width()));
    }
}
