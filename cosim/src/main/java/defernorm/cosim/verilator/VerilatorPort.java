package defernorm.cosim.verilator;

import defernorm.cosim.Port;
import defernorm.cosim.support.NetCatalog;
import java.math.BigInteger;

/** A {@link Port} of a {@link VerilatorSimulation}: its net-table entry, looked up once. */
final class VerilatorPort extends Port {
    private final VerilatorSimulation sim;
    private final NetSpec net;

    VerilatorPort(VerilatorSimulation sim, NetSpec net) {
        super(sim, net.name(), net.type(), net.kind() == NetCatalog.Kind.INPUT);
        this.sim = sim;
        this.net = net;
    }

    @Override protected boolean isClosed() { return sim.isClosed(); }

    @Override protected void pokeLong(long value) { sim.pokeNet(net, value); }

    @Override protected void pokeBig(BigInteger value) { sim.pokeNet(net, value); }

    @Override protected long readLong() { return sim.peekNetLong(net); }

    @Override protected BigInteger readBig() { return sim.peekNet(net); }
}
