package defernorm.cosim.lang;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;

/**
 * A round-robin arbiter written with the language's aggregates: {@code n} requesters ({@code Vec<Request>}),
 * an enum state machine, a pointer that scans one requester per cycle, dynamic reads ({@code in.at(ptr)}) and
 * a dynamic write ({@code served.at(ptr).set(...)}) counting grants per requester. The granted request's data
 * leaves through a valid/ready bundle whose {@code ready} is flipped; a grant ends when a beat is taken.
 */
final class RoundRobinArbiter extends Component {
    enum Phase { SCAN, BUSY }

    /** One requester: it asks with {@code valid} and offers {@code data}. */
    record Request(Signal valid, Signal data) {
        static Shape<Request> of(int width) { return f -> new Request(f.field(Type.bool()), f.field(Type.uint(width))); }
    }

    /** The granted beat: {@code ready} flows back from the consumer. */
    record Beat(Signal valid, Signal ready, Signal data, Signal from) {
        static Shape<Beat> of(int width, int idBits) {
            return f -> new Beat(f.field(Type.bool()), f.flipped(Type.bool()), f.field(Type.uint(width)), f.field(Type.uint(idBits)));
        }
    }

    final Vec<Request> in;
    final Beat out;
    final Signal probe;
    final Signal probeData;
    final Vec<Signal> count;

    RoundRobinArbiter(int n, int width) {
        super("RoundRobinArbiter_N" + n + "_W" + width);
        int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        in = input("in", Vec.of(n, Request.of(width)));
        out = output("out", Beat.of(width, idBits));
        probe = input("probe", Type.uint(idBits + 1));           // may point past the end: reads 0
        probeData = output("probe_data", Type.uint(width));
        count = output("count", Vec.of(n, Type.uint(8)));

        Reg phase = reg("phase_q", Phase.class).resetTo(Phase.SCAN);
        Reg ptr = reg("ptr_q", Type.uint(idBits)).resetTo(0);
        Vec<Signal> served = reg("served", Vec.of(n, Type.uint(8)), 0);
        Signal next = Signal.mux(ptr.eq(n - 1), lit(0, ptr.type()), ptr.plus(1).truncate(idBits));
        Request candidate = in.at(ptr);
        Signal taken = out.valid().and(out.ready());

        switchOn(phase)
                .is(Phase.SCAN, () -> when(candidate.valid(), () -> {
                    phase.set(lit(Phase.BUSY));
                    served.at(ptr).set(served.at(ptr).plus(1).truncate(8));
                }).otherwise(() -> ptr.set(next)))
                .is(Phase.BUSY, () -> when(taken, () -> {
                    phase.set(lit(Phase.SCAN));
                    ptr.set(next);
                }));

        out.valid().set(phase.is(Phase.BUSY));
        out.data().set(candidate.data());
        out.from().set(ptr);
        probeData.set(in.map(Request::data).at(probe));
        connect(count, served);
    }
}
