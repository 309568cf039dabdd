package defernorm.hdl.stream;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Role;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges {@code n} valid/ready {@link Stream}s ({@code in0} .. {@code in<n-1>}) into one ({@code out}), round
 * robin: after input {@code k} is served, the search for the next grant starts at {@code k + 1}, so an input
 * with a beat waiting is served within {@code n} grants whatever the others do. Without {@code last} the
 * arbitration is per beat; with {@code hasLast} it is per packet: the grant stays on one input from its
 * first beat until its {@code last} beat fires, so packets never interleave. A beat offered on {@code out}
 * is held (same input, same data) until it fires, as the stream rules require. {@code grant} is the index of
 * the input on {@code out}. The path from the inputs to {@code out} is combinational (no latency); put a
 * {@link SkidBuffer} after it to register it.
 *
 * <pre>{@code
 * Inst arb = instance("arb", new RoundRobinArbiter(4, Type.uint(16), true));  // RoundRobinArbiter_N4_U16_L
 * for (int k = 0; k < 4; k++) Stream.link(sources.get(k), "out", arb, "in" + k, true);
 * }</pre>
 */
public final class RoundRobinArbiter extends Component {

    public RoundRobinArbiter(int n, Type payload, boolean hasLast) {
        super("RoundRobinArbiter_N" + n + "_" + StreamNames.of(payload, hasLast));
        if (n < 1) throw new IllegalArgumentException("an arbiter needs at least 1 input, not " + n + ".");
        List<Stream> in = new ArrayList<>();
        for (int k = 0; k < n; k++) in.add(ports("in" + k, new Stream(payload, hasLast), Role.SLAVE));
        Stream out = ports("out", new Stream(payload, hasLast), Role.MASTER);
        Type index = Type.uint(indexWidth(n));

        Reg last = reg("last_grant", index).resetTo(n - 1);   // input 0 goes first after reset
        Reg locked = reg("locked", Type.bool()).resetTo(0);
        Reg lockedTo = reg("locked_to", index).resetTo(0);
        // Lowest requesting index above the last grant, else the lowest requesting index overall.
        Signal above = lit(0, Type.bool());
        Signal pickAbove = lit(0, index);
        Signal pickAny = lit(0, index);
        for (int k = n - 1; k >= 0; k--) {
            Signal request = in.get(k).valid();
            Signal requestAbove = request.and(last.lt(k));
            above = above.or(requestAbove);
            pickAbove = Signal.mux(requestAbove, lit(k, index), pickAbove);
            pickAny = Signal.mux(request, lit(k, index), pickAny);
        }
        Signal choice = Signal.mux(above, pickAbove, pickAny).named("choice");
        Signal grant = Signal.mux(locked, lockedTo, choice).named("grant_idx");

        Signal valid = lit(0, Type.bool());
        Signal data = in.get(0).data();
        Signal lastBeat = hasLast ? in.get(0).last() : null;
        for (int k = 0; k < n; k++) {
            Signal mine = grant.eq(k);
            valid = Signal.mux(mine, in.get(k).valid(), valid);
            if (k > 0) data = Signal.mux(mine, in.get(k).data(), data);
            if (hasLast && k > 0) lastBeat = Signal.mux(mine, in.get(k).last(), lastBeat);
            in.get(k).ready().set(out.ready().and(mine));
        }
        out.valid().set(valid);
        out.data().set(data);
        if (hasLast) out.last().set(lastBeat);
        output("grant", index).set(grant);

        Signal fire = valid.and(out.ready());
        Signal done = hasLast ? fire.and(lastBeat) : fire;   // the end of what was granted: a packet or a beat
        when(valid, () -> {
            locked.set(done.not());
            lockedTo.set(grant);
        });
        when(done, () -> last.set(grant));
    }

    /** The width of {@code grant}: enough bits for 0..n-1. */
    public static int indexWidth(int n) { return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1)); }
}
