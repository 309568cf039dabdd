package defernorm.examples;

import defernorm.hdl.Mem;
import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * A first-word-fall-through FIFO of {@code depth} words on a memory with a synchronous read port. Both sides
 * use valid/ready; a word moves when both are high. The memory is read one cycle ahead (at the next head
 * address); a word written into the slot that becomes the head in the same cycle is taken from a bypass
 * register, because the memory read returns the old word (read-first).
 */
public final class Fifo extends Component {
    public Fifo(int width, int depth) {
        super("Fifo_W" + width + "_D" + depth);
        Mem mem = memory("storage", width, depth);
        int aw = mem.addrWidth();
        int cw = Type.bitsFor(depth);   // holds 0..depth
        Signal inValid = input("in_valid", Type.bool());
        Signal inData = input("in_data", Type.uint(width));
        Signal outReady = input("out_ready", Type.bool());

        Reg wrPtr = reg("wr_ptr", Type.uint(aw)).resetTo(0);
        Reg rdPtr = reg("rd_ptr", Type.uint(aw)).resetTo(0);
        Reg count = reg("count", Type.uint(cw)).resetTo(0);
        Reg bypass = reg("bypass_q", Type.uint(width));
        Reg useBypass = reg("use_bypass_q", Type.bool()).resetTo(0);

        Signal full = count.eq(depth).named("is_full");
        Signal empty = count.eq(0).named("is_empty");
        Signal push = inValid.and(full.not()).named("push");
        Signal pop = outReady.and(empty.not()).named("pop");

        Wire rdNext = wire("rd_next", Type.uint(aw));
        rdNext.set(rdPtr);
        when(pop, () -> rdNext.set(increment(rdPtr, depth)));

        mem.write(push, wrPtr, inData);
        Signal rdData = mem.read("rd_data", rdNext, null);

        when(push, () -> wrPtr.set(increment(wrPtr, depth)));
        rdPtr.set(rdNext);
        Signal countUp = count.plus(1).truncate(cw);
        Signal countDown = count.minus(1).asUnsigned().truncate(cw);
        when(push.and(pop.not()), () -> count.set(countUp))
                .elseWhen(pop.and(push.not()), () -> count.set(countDown));
        Signal collision = push.and(wrPtr.eq(rdNext)).named("collision");
        useBypass.set(collision);
        when(collision, () -> bypass.set(inData));

        output("in_ready", Type.bool()).set(full.not());
        output("out_valid", Type.bool()).set(empty.not());
        output("out_data", Type.uint(width)).set(Signal.mux(useBypass, bypass, rdData));
        output("full", Type.bool()).set(full);
        output("empty", Type.bool()).set(empty);
    }

    /** {@code p + 1}, wrapping to 0 after {@code depth - 1}. */
    private Signal increment(Signal p, int depth) {
        Signal next = p.plus(1).truncate(p.width());
        return Signal.mux(p.eq(depth - 1), lit(0, p.type()), next);
    }
}
