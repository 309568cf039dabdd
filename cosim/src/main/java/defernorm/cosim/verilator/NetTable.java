package defernorm.cosim.verilator;

import defernorm.cosim.support.NetErrors;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nets of a design the harness exposes, in protocol index order: the implicit {@code rst} (for a
 * clocked top), the top's inputs, its outputs, then every debug net of the hierarchy, named
 * {@code inst.net} below the top (the same names the built-in engine uses).
 */
final class NetTable {
    private final List<NetSpec> nets;
    private final Map<String, NetSpec> byName = new LinkedHashMap<>();
    private final boolean clocked;

    NetTable(Design design) {
        this.clocked = design.isClocked(design.top());
        List<NetSpec> list = new ArrayList<>();
        ModuleIr top = design.topModule();
        if (clocked) list.add(new NetSpec(list.size(), "rst", Type.bool(), NetKind.INPUT, null, null, null));
        for (Node.Input in : top.inputs()) {
            list.add(new NetSpec(list.size(), in.name(), in.type(), NetKind.INPUT, null, null, null));
        }
        for (Node.Output out : top.outputs()) {
            list.add(new NetSpec(list.size(), out.name(), out.type(), NetKind.OUTPUT, null, null, null));
        }
        addDebug(design, top, "", "TOP." + top.name(), list);
        this.nets = List.copyOf(list);
        for (NetSpec n : nets) byName.putIfAbsent(n.name(), n);
    }

    private static void addDebug(Design design, ModuleIr m, String prefix, String scope, List<NetSpec> out) {
        for (String d : m.debug()) {
            String name = prefix + d;
            if (out.stream().anyMatch(n -> n.name().equals(name))) continue;  // a port marked for debug
            out.add(new NetSpec(out.size(), name, typeOf(m, d), NetKind.DEBUG, scope, m.name(), d));
        }
        for (Instance i : m.instances()) {
            ModuleIr child = design.module(i.module()).orElseThrow();
            addDebug(design, child, prefix + i.name() + ".", scope + "." + i.name(), out);
        }
    }

    private static Type typeOf(ModuleIr m, String net) {
        return m.nodes().stream().filter(n -> n.name().equals(net)).map(Node::type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "module " + m.name() + " marks " + net + " for debug but has no such net"));
    }

    List<NetSpec> all() { return nets; }

    boolean clocked() { return clocked; }

    /** The net called {@code name}, or an IllegalArgumentException listing the names there are. */
    NetSpec require(String name) {
        NetSpec n = byName.get(name);
        if (n == null) throw NetErrors.noSuchNet(name, List.copyOf(byName.keySet()));
        return n;
    }

    /** The input called {@code name}, or an IllegalArgumentException saying why it cannot be poked. */
    NetSpec requireInput(String name) {
        NetSpec n = byName.get(name);
        if (n != null && n.kind() == NetKind.INPUT) return n;
        List<String> inputs = nets.stream().filter(s -> s.kind() == NetKind.INPUT).map(NetSpec::name).toList();
        if ("clk".equals(name)) throw NetErrors.clockIsNotPoked();
        if (n == null) throw NetErrors.noSuchInput(name, inputs);
        throw NetErrors.notAnInput(name, n.kind() == NetKind.OUTPUT, inputs);
    }
}
