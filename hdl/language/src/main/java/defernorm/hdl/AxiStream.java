package defernorm.hdl;

import defernorm.hdl.ir.Type;

/**
 * An AXI4-Stream interface as a bundle: {@code tvalid}, {@code tdata}, {@code tlast} flow from master to slave,
 * {@code tready} (flipped) flows back. Declared with {@code input} the module is the slave, with {@code output}
 * the master.
 *
 * <pre>{@code
 * AxiStream s = input("s_axis", AxiStream.of(32));    // s_axis_tvalid, s_axis_tdata, s_axis_tlast in; s_axis_tready out
 * AxiStream m = output("m_axis", AxiStream.of(32));   // the master side
 * s.tready().set(m.tready());
 * Signal beat = s.fire();
 * }</pre>
 */
public record AxiStream(Signal tvalid, Signal tready, Signal tdata, Signal tlast) {
    /** The shape of a stream of {@code dataWidth}-bit beats. */
    public static Shape<AxiStream> of(int dataWidth) {
        return f -> new AxiStream(f.field(Type.bool()), f.flipped(Type.bool()), f.field(Type.uint(dataWidth)), f.field(Type.bool()));
    }

    public int dataWidth() { return tdata.width(); }

    /** A beat moves in this cycle: {@code tvalid && tready}. */
    public Signal fire() { return tvalid.and(tready); }
}
