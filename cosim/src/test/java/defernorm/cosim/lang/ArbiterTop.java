package defernorm.cosim.lang;

import defernorm.hdl.Component;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;

/**
 * The arbiter one level down, connected only through its typed port handles: whole bundles with
 * {@code connect} (the flipped {@code ready} flows the other way) and single ports with {@code in}/{@code out}.
 */
final class ArbiterTop extends Component {
    ArbiterTop(int n, int width) {
        super("ArbiterTop_N" + n + "_W" + width);
        RoundRobinArbiter arb = new RoundRobinArbiter(n, width);
        Inst u = instance("u_arb", arb);
        connect(u.port(arb.in), input("in", Vec.of(n, RoundRobinArbiter.Request.of(width))));
        connect(output("out", RoundRobinArbiter.Beat.of(width, arb.out.from().width())), u.port(arb.out));
        u.in(arb.probe, input("probe", arb.probe.type()));
        output("probe_data", Type.uint(width)).set(u.out(arb.probeData));
        Vec<Signal> counts = u.port(arb.count);
        connect(output("count", Vec.of(n, Type.uint(8))), counts);
    }
}
