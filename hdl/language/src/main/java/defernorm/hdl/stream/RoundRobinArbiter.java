package defernorm.hdl.stream;

import defernorm.hdl.Component;
import defernorm.hdl.Output;
import defernorm.hdl.Reg;
import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;

import java.util.function.Function;

/**
 * Merges {@code n} valid/ready {@link Stream}s ({@code in_0} .. {@code in_<n-1>}) into one ({@code out}), round
 * robin: after input {@code k} is served, the search for the next grant starts at {@code k + 1}, so an input with
 * a beat waiting is served within {@code n} grants whatever the others do. Without a {@code last} field the
 * arbitration is per beat; given one (e.g. {@link Packet#last}) it is per packet: the grant stays on one input
 * from its first beat until its last beat fires, so packets never interleave. A beat offered on {@code out} is
 * held (same input, same data) until it fires, as the stream rules require. {@link #grant} is the index of the
 * input on {@code out}. The path from the inputs to {@code out} is combinational (no latency); put a
 * {@link SkidBuffer} after it to register it.
 *
 * <pre>{@code
 * RoundRobinArbiter<Packet> arb = RoundRobinArbiter.ofPackets(4, Type.uint(16));   // RoundRobinArbiter_N4_U16_P
 * Inst a = instance("arb", arb);
 * for (int k = 0; k < 4; k++) connect(a.port(arb.in.get(k)), sources.get(k));
 * connect(sink, a.port(arb.out));
 * }</pre>
 *
 * @param <T> the payload
 */
public final class RoundRobinArbiter<T> extends Component {
    public final Vec<Stream<T>> in;
    public final Stream<T> out;
    /** The index of the input whose beat is on {@code out}: UInt({@link #indexWidth}(n)). */
    public final Output grant;

    /** Per-beat arbitration of single-signal beats: {@code RoundRobinArbiter_N4_U8}. */
    public static RoundRobinArbiter<Signal> of(int n, Type payload) {
        return new RoundRobinArbiter<>("RoundRobinArbiter_N" + n + "_" + StreamNames.of(payload), n, Shape.of(payload), null);
    }

    /** Per-packet arbitration of {@link Packet} beats: {@code RoundRobinArbiter_N4_U8_P}. */
    public static RoundRobinArbiter<Packet> ofPackets(int n, Type word) {
        return new RoundRobinArbiter<>("RoundRobinArbiter_N" + n + "_" + StreamNames.of(word) + "_P", n, Packet.of(word), Packet::last);
    }

    /**
     * @param name the module name, carrying the parameters (one name, one netlist)
     * @param last the payload's end-of-packet flag for per-packet arbitration, or null for per-beat
     */
    public RoundRobinArbiter(String name, int n, Shape<T> payload, Function<T, Signal> last) {
        super(name);
        if (n < 1) throw new IllegalArgumentException("an arbiter needs at least 1 input, not " + n + ".");
        in = input("in", Vec.of(n, Stream.of(payload)));
        out = output("out", Stream.of(payload));
        Type index = Type.uint(indexWidth(n));
        grant = output("grant", index);

        Reg lastGrant = reg("last_grant", index).resetTo(n - 1);   // input 0 goes first after reset
        Reg locked = reg("locked", Type.bool()).resetTo(0);
        Reg lockedTo = reg("locked_to", index).resetTo(0);
        // The lowest requesting index above the last grant, else the lowest requesting index overall.
        Signal above = lit(0, Type.bool());
        Signal pickAbove = lit(0, index);
        Signal pickAny = lit(0, index);
        for (int k = n - 1; k >= 0; k--) {
            Signal request = in.get(k).valid();
            Signal requestAbove = request.and(lastGrant.lt(k));
            above = above.or(requestAbove);
            pickAbove = Signal.mux(requestAbove, lit(k, index), pickAbove);
            pickAny = Signal.mux(request, lit(k, index), pickAny);
        }
        Signal choice = Signal.mux(above, pickAbove, pickAny).named("choice");
        Signal granted = Signal.mux(locked, lockedTo, choice).named("granted");

        Signal valid = in.map(Stream::valid).at(granted);
        T data = in.map(Stream::data).at(granted);
        for (int k = 0; k < n; k++) in.get(k).ready().set(out.ready().and(granted.eq(k)));
        out.valid().set(valid);
        connect(out.data(), data);
        grant.set(granted);

        Signal fire = valid.and(out.ready());
        Signal done = last == null ? fire : fire.and(last.apply(data));   // the end of a grant: a beat or a packet
        when(valid, () -> {
            locked.set(done.not());
            lockedTo.set(granted);
        });
        when(done, () -> lastGrant.set(granted));
    }

    /** The width of {@code grant}: enough bits for 0..n-1. */
    public static int indexWidth(int n) { return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1)); }
}
