package defernorm.accel.tops;

import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.AxiStream;
import defernorm.hdl.Component;
import defernorm.hdl.Shape;

import java.util.List;

/**
 * The outside every top shares, declared in one place: the configuration write port ({@code cfg_*}), the input
 * stream {@code s_axis_*} (P int8 lanes) and, outside a tile, the output stream {@code m_axis_*} (Q int32 lanes).
 * {@link TopOutside} declares a top's ports with {@link #declare}; the checker reads the same names from
 * {@link #NAMES}, taken from the very handles {@code declare} makes, so renaming a port or a bundle field
 * changes both sides at once.
 *
 * <pre>{@code
 * TopInterface io = TopInterface.declare(ports, TopInterface.Widths.of(op, variant, prm), true);
 * io.s().tready().set(ready);
 * sim.poke(TopInterface.NAMES.sValid(), 1);   // "s_axis_tvalid"
 * }</pre>
 *
 * @param cfg the configuration write port
 * @param s   the input stream (the top is its slave)
 * @param m   the output stream (null in a tile, which has none)
 */
public record TopInterface(ConfigPort cfg, AxiStream s, AxiStream m) {
    /** The prefixes of the three bundles (also the sidecar's keys). */
    public static final String CFG = "cfg", S_AXIS = "s_axis", M_AXIS = "m_axis";
    /** The port names of a top, for testbenches and the checker. */
    public static final Names NAMES = probeNames();

    /** The widths of the ports of one top. */
    public record Widths(int cfgAddr, int cfgData, int sData, int mData) {
        public static Widths of(Op op, Variant variant, Params prm) {
            return of(prm, ConfigMap.of(op, variant, prm));
        }

        static Widths of(Params prm, ConfigMap map) {
            return new Widths(map.addrBits(), map.dataBits(), prm.p() * Formats.DATA_BITS, prm.q() * Formats.OUT_BITS);
        }
    }

    /** What declares the ports: the top being built ({@code input}/{@code output} of a bundle). */
    public interface Ports {
        <T> T input(String prefix, Shape<T> shape);
        <T> T output(String prefix, Shape<T> shape);
    }

    /** Declares the ports on {@code ports}, with the output stream only if {@code withOutput}. */
    public static TopInterface declare(Ports ports, Widths w, boolean withOutput) {
        ConfigPort cfg = ports.input(CFG, ConfigPort.of(w.cfgAddr(), w.cfgData()));
        AxiStream s = ports.input(S_AXIS, AxiStream.of(w.sData()));
        AxiStream m = withOutput ? ports.output(M_AXIS, AxiStream.of(w.mData())) : null;
        return new TopInterface(cfg, s, m);
    }

    /**
     * The names of every port, as {@link #declare} makes them.
     *
     * <pre>{@code sim.runBatch(TopInterface.NAMES.streamInputs(), TopInterface.NAMES.streamOutputs(), n, row -> ...); }</pre>
     */
    public record Names(String cfgWe, String cfgAddr, String cfgWdata, String sValid, String sReady, String sData,
                        String sLast, String mValid, String mReady, String mData, String mLast) {
        /** Inputs a testbench drives while streaming, in batch column order. */
        public List<String> streamInputs() { return List.of(sValid, sData, sLast, mReady, cfgWe); }

        /** Outputs (and driven inputs) read every cycle while streaming, in batch column order. */
        public List<String> streamOutputs() { return List.of(sReady, mValid, mData, mLast); }

        /** Inputs driven while the configuration is loaded. */
        public List<String> configInputs() { return List.of(cfgWe, cfgAddr, cfgWdata, sValid, mReady); }
    }

    /** Declares the interface on a throwaway component and reads the names its handles got. */
    private static Names probeNames() {
        TopInterface io = new Probe().io;
        return new Names(io.cfg.we().name(), io.cfg.addr().name(), io.cfg.wdata().name(), io.s.tvalid().name(),
                io.s.tready().name(), io.s.tdata().name(), io.s.tlast().name(), io.m.tvalid().name(),
                io.m.tready().name(), io.m.tdata().name(), io.m.tlast().name());
    }

    private static final class Probe extends Component {
        final TopInterface io;

        Probe() {
            super("TopInterfaceProbe");
            io = declare(new Ports() {
                @Override public <T> T input(String prefix, Shape<T> shape) { return Probe.this.input(prefix, shape); }
                @Override public <T> T output(String prefix, Shape<T> shape) { return Probe.this.output(prefix, shape); }
            }, new Widths(1, 1, 8, 32), true);
        }
    }
}
