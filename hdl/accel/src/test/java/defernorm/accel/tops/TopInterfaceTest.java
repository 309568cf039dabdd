package defernorm.accel.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one description of a top's outside: the names the checker reads are the ports every top has. */
class TopInterfaceTest {

    @Test void theNamesAreTheAxiAndConfigurationPorts() {
        TopInterface.Names n = TopInterface.NAMES;
        assertEquals(List.of("s_axis_tvalid", "s_axis_tdata", "s_axis_tlast", "m_axis_tready", "cfg_we"), n.streamInputs());
        assertEquals(List.of("s_axis_tready", "m_axis_tvalid", "m_axis_tdata", "m_axis_tlast"), n.streamOutputs());
        assertEquals(List.of("cfg_we", "cfg_addr", "cfg_wdata", "s_axis_tvalid", "m_axis_tready"), n.configInputs());
    }

    @Test void everyTopHasExactlyThosePortsWithTheDescribedWidths() {
        Params prm = new Params(32, 16, 8, 4, 2);
        TopInterface.Names n = TopInterface.NAMES;
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                ModuleIr top = Elaborator.elaborate(TopGenerator.generate(op, v, prm)).topModule();
                TopInterface.Widths w = TopInterface.Widths.of(op, v, prm);
                Map<String, Type> want = new LinkedHashMap<>();
                want.put(n.cfgWe(), Type.bool());
                want.put(n.cfgAddr(), Type.uint(w.cfgAddr()));
                want.put(n.cfgWdata(), Type.uint(w.cfgData()));
                want.put(n.sValid(), Type.bool());
                want.put(n.sReady(), Type.bool());
                want.put(n.sData(), Type.uint(w.sData()));
                want.put(n.sLast(), Type.bool());
                want.put(n.mValid(), Type.bool());
                want.put(n.mReady(), Type.bool());
                want.put(n.mData(), Type.uint(w.mData()));
                want.put(n.mLast(), Type.bool());
                Map<String, Type> got = new LinkedHashMap<>();
                for (Node node : top.nodes()) {
                    if (node instanceof Node.Input i && !i.name().equals("clk") && !i.name().equals("rst")) got.put(i.name(), i.type());
                    if (node instanceof Node.Output o) got.put(o.name(), o.type());
                }
                assertEquals(new java.util.TreeMap<>(want), new java.util.TreeMap<>(got), op + " " + v);
            }
        }
    }
}
