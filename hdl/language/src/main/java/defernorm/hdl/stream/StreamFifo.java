package defernorm.hdl.stream;

import defernorm.hdl.Bits;
import defernorm.hdl.Component;
import defernorm.hdl.Mem;
import defernorm.hdl.Output;
import defernorm.hdl.Reg;
import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-word-fall-through FIFO of {@code depth} beats between two valid/ready {@link Stream}s: the head beat
 * is on {@code out_data} while {@code out_valid}; a beat enters when {@code in} fires and leaves when {@code out}
 * fires, both in one cycle if need be (one beat per cycle in and out). {@code in_ready} is {@code !full}, so it
 * never depends on {@code in_valid}. A beat pushed into an empty FIFO is at the output on the next cycle.
 * Also outputs {@link #count} (0..depth), {@link #full} and {@link #empty}.
 *
 * <p>{@link Storage#MEMORY} keeps the beats in a memory with a synchronous read port (read one cycle ahead,
 * with a bypass register for a beat written into the slot being read); {@link Storage#REGISTERS} keeps them in
 * a shift register whose entry 0 is the head (no read multiplexer: for small depths).
 *
 * <pre>{@code
 * StreamFifo<Signal> fifo = StreamFifo.of(Type.uint(8), 16, StreamFifo.Storage.MEMORY);   // StreamFifo_U8_D16_Mem
 * Inst q = instance("q", fifo);
 * connect(q.port(fifo.in), producer);
 * Signal level = q.out(fifo.count);
 * }</pre>
 *
 * @param <T> the payload
 */
public final class StreamFifo<T> extends Component {
    /** Where the beats are held. */
    public enum Storage { MEMORY, REGISTERS }

    public final Stream<T> in;
    public final Stream<T> out;
    /** Beats held, 0..depth: UInt({@link #countWidth}(depth)). */
    public final Output count;
    public final Output full;
    public final Output empty;
    private final int depth;

    /** A FIFO of single-signal beats, named {@code StreamFifo_U8_D4_Mem} / {@code _Reg}. */
    public static StreamFifo<Signal> of(Type payload, int depth, Storage storage) {
        return new StreamFifo<>("StreamFifo_" + StreamNames.of(payload) + "_D" + depth + (storage == Storage.MEMORY ? "_Mem" : "_Reg"),
                Shape.of(payload), depth, storage);
    }

    /** @param name the module name, carrying the parameters (one name, one netlist) */
    public StreamFifo(String name, Shape<T> payload, int depth, Storage storage) {
        super(name);
        if (depth < 1) throw new IllegalArgumentException("a FIFO needs a depth of at least 1, not " + depth + ".");
        this.depth = depth;
        in = input("in", Stream.of(payload));
        out = output("out", Stream.of(payload));
        int cw = countWidth(depth);
        count = output("count", Type.uint(cw));
        full = output("full", Type.bool());
        empty = output("empty", Type.bool());

        Reg level = reg("count_q", Type.uint(cw)).resetTo(0);
        Signal isFull = level.eq(depth).named("is_full");
        Signal isEmpty = level.eq(0).named("is_empty");
        Signal push = in.valid().and(isFull.not()).named("push");
        Signal pop = out.ready().and(isEmpty.not()).named("pop");
        Signal up = level.plus(1).truncate(cw);
        Signal down = level.minus(1).asUnsigned().truncate(cw);
        when(push.and(pop.not()), () -> level.set(up)).elseWhen(pop.and(push.not()), () -> level.set(down));

        Signal word = Bits.pack(in.data());
        Signal head = storage == Storage.MEMORY ? memoryHead(word, push, pop) : registerHead(word, push, pop, Signal.mux(pop, down, level));
        in.ready().set(isFull.not());
        out.valid().set(isEmpty.not());
        connect(out.data(), Bits.unpack(in.data(), head));
        count.set(level);
        full.set(isFull);
        empty.set(isEmpty);
    }

    /** The number of beats it holds. */
    public int depth() { return depth; }

    /** The width of {@code count}: enough bits for 0..depth. */
    public static int countWidth(int depth) { return 32 - Integer.numberOfLeadingZeros(depth); }

    /** A memory read one cycle ahead at the next head address, with a bypass for a same-slot write. */
    private Signal memoryHead(Signal word, Signal push, Signal pop) {
        Mem mem = memory("storage", word.width(), depth);
        Type addr = Type.uint(mem.addrWidth());
        Reg wrPtr = reg("wr_ptr", addr).resetTo(0);
        Reg rdPtr = reg("rd_ptr", addr).resetTo(0);
        Wire rdNext = wire("rd_next", addr);
        rdNext.set(rdPtr);
        when(pop, () -> rdNext.set(increment(rdPtr)));
        rdPtr.set(rdNext);
        mem.write(push, wrPtr, word);
        when(push, () -> wrPtr.set(increment(wrPtr)));
        Signal rdData = mem.read("rd_data", rdNext, null);
        // The memory reads first: a beat written into the slot read in the same cycle comes from the bypass.
        Signal collision = push.and(wrPtr.eq(rdNext)).named("collision");
        Reg useBypass = reg("use_bypass_q", Type.bool()).resetTo(0);
        Reg bypass = reg("bypass_q", word.type()).resetTo(0);
        useBypass.set(collision);
        when(collision, () -> bypass.set(word));
        return Signal.mux(useBypass, bypass, rdData);
    }

    /** Entries in registers, entry 0 the head: a pop shifts down, a push lands in {@code slot}. */
    private Signal registerHead(Signal word, Signal push, Signal pop, Signal slot) {
        List<Reg> entries = new ArrayList<>();
        for (int i = 0; i < depth; i++) entries.add(reg("entry" + i, word.type()).resetTo(0));
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
