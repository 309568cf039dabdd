package defernorm.accel.system;

import defernorm.accel.units.DelayLine;
import defernorm.accel.units.Flow;
import defernorm.accel.units.PipelinedUnit;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * One hop of a network (docs/system.md): a message of B bits crosses {@code H} register stages as
 * {@code F = ceil(B / linkBits)} flits of {@code linkBits} bits on consecutive cycles (store and forward: the
 * message is handed on when its last flit has arrived). {@link #latency()} = {@code H + F − 1} edges from
 * {@code in_valid} to {@code out_valid}; H = 0 with one flit is a wire. A sender offers at most one message
 * per F cycles (the system's rule: F ≤ NB, the cycles between a tile's statistics).
 *
 * <pre>{@code
 * Link l = new Link(50, 10, 16);   // Link_B50_H10_L16: 4 flits, latency 13
 * }</pre>
 */
public final class Link extends PipelinedUnit {
    /** The message in ({@code in_valid}, {@code in_data}) and out, H + F − 1 edges later. */
    public final Flow in, out;
    private final int latency;

    public Link(int bits, int hops, int linkBits) {
        super("Link_B" + bits + "_H" + hops + "_L" + linkBits);
        if (bits < 1 || hops < 0 || linkBits < 1) {
            throw new IllegalArgumentException("A link needs a message of at least 1 bit, H of at least 0 and at least 1 bit per cycle, not B="
                    + bits + ", H=" + hops + ", linkBits=" + linkBits + ".");
        }
        int flits = flits(bits, linkBits);
        this.latency = hops + flits - 1;
        in = input("in", Flow.of(Type.uint(bits)));
        out = output("out", Flow.of(Type.uint(bits)));
        Signal valid = in.valid(), data = in.data();
        if (flits == 1) {
            Signal piped = pipe(Signal.cat(valid, data), hops);
            out.valid().set(piped.bit(bits));
            out.data().set(piped.slice(bits - 1, 0));
            return;
        }
        int w = linkBits;
        int restBits = (flits - 1) * w;
        Signal padded = data.extend(flits * w);

        // ---- sender: flit 0 goes out with in_valid, the rest follow from a shift register ----------------------
        int cb = Type.clog2(flits);
        Reg left = stageReg("tx_left", Type.uint(cb));
        Reg rest = stageReg("tx_rest", Type.uint(restBits));
        Signal busy = left.ne(0);
        Signal restShifted = flits == 2 ? rest : Signal.cat(lit(0, Type.uint(w)), rest.slice(restBits - 1, w));
        left.set(Signal.mux(valid, lit(flits - 1, left.type()), Signal.mux(busy, left.minus(1).asUnsigned().truncate(cb), left)));
        rest.set(Signal.mux(valid, padded.slice(flits * w - 1, w), restShifted));
        Signal flit = Signal.mux(busy, rest.slice(w - 1, 0), padded.slice(w - 1, 0));

        // ---- H stages of one flit ----------------------------------------------------------------------------
        Signal wire = pipe(Signal.cat(valid.or(busy), flit), hops);
        Signal fValid = wire.bit(w);
        Signal fData = wire.slice(w - 1, 0);

        // ---- receiver: shift the first F−1 flits in from the top; the last one completes the message ----------
        Reg count = stageReg("rx_count", Type.uint(cb));
        Signal lastFlit = count.eq(flits - 1);
        count.set(Signal.mux(fValid, Signal.mux(lastFlit, lit(0, count.type()), count.plus(1).truncate(cb)), count));
        Reg assembled = stageReg("rx_flits", Type.uint(restBits));
        Signal shiftedIn = flits == 2 ? fData : Signal.cat(fData, assembled.slice(restBits - 1, w));
        assembled.set(Signal.mux(fValid.and(lastFlit.not()), shiftedIn, assembled));
        out.valid().set(fValid.and(lastFlit));
        out.data().set(Signal.cat(fData, assembled).slice(bits - 1, 0));
    }

    /** Flits a message of {@code bits} takes on a link of {@code linkBits} bits per cycle. */
    public static int flits(int bits, int linkBits) {
        return (bits + linkBits - 1) / linkBits;
    }

    /** {@code v} through {@code hops} register stages (a {@link DelayLine}; a wire when 0). */
    private Signal pipe(Signal v, int hops) {
        return delayLine("stages", v, hops);
    }

    /** Edges from {@code in_valid} to {@code out_valid}: H + F − 1. */
    public int latency() { return latency; }
}
