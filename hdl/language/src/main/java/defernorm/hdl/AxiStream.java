package defernorm.hdl;

import defernorm.hdl.ir.Type;

/**
 * AXI4-Stream: {@code tvalid}, {@code tdata}, {@code tlast} driven by the master, {@code tready} by the slave.
 *
 * <pre>{@code
 * AxiStream s = ports("s_axis", new AxiStream(32), Role.SLAVE);   // s_axis_tvalid, s_axis_tready, ...
 * s.tready().set(lit(1, Type.bool()));
 * Signal beat = s.tvalid().and(s.tready());
 * }</pre>
 */
public final class AxiStream extends PortGroup {
    private final int dataWidth;

    public AxiStream(int dataWidth) {
        this.dataWidth = dataWidth;
        field("tvalid", Type.bool(), Role.MASTER);
        field("tready", Type.bool(), Role.SLAVE);
        field("tdata", Type.uint(dataWidth), Role.MASTER);
        field("tlast", Type.bool(), Role.MASTER);
    }

    public int dataWidth() { return dataWidth; }

    public Port tvalid() { return port("tvalid"); }

    public Port tready() { return port("tready"); }

    public Port tdata() { return port("tdata"); }

    public Port tlast() { return port("tlast"); }
}
