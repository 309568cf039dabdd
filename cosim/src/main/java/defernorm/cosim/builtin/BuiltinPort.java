package defernorm.cosim.builtin;

import defernorm.cosim.Port;
import defernorm.cosim.builtin.NetDirectory.NetRef;
import java.math.BigInteger;

/** A {@link Port} of a {@link BuiltinSimulation}: the net's slot, looked up once. */
final class BuiltinPort extends Port {
    private final BuiltinSimulation sim;
    private final NetRef net;

    BuiltinPort(BuiltinSimulation sim, NetRef net, boolean input) {
        super(sim, net.name(), net.type(), input);
        this.sim = sim;
        this.net = net;
    }

    @Override protected boolean isClosed() { return sim.isClosed(); }

    @Override protected void pokeLong(long value) { sim.write(net, value); }

    @Override protected void pokeBig(BigInteger value) { sim.write(net, value); }

    @Override protected long readLong() { return sim.readLong(net); }

    @Override protected BigInteger readBig() { return sim.read(net); }
}
