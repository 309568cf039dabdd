package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatMemory;
import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Inlines a design's instances into one {@link FlatDesign}, naming child nets {@code instance.net}. */
final class Flattener {
    static final String RST = "rst";

    private final Design design;
    private final List<FlatNode> nodes = new ArrayList<>();
    private final List<FlatMemory> memories = new ArrayList<>();
    private final Set<String> debug = new LinkedHashSet<>();
    private final List<List<String>> clockedScopes = new ArrayList<>();

    private Flattener(Design design) { this.design = design; }

    static FlatDesign flatten(Design design) {
        if (design.module(design.top()).isEmpty()) {
            throw new IllegalArgumentException("the design's top module '" + design.top() + "' is not among its modules");
        }
        for (ModuleIr m : design.modules()) {
            for (Instance i : m.instances()) {
                if (design.module(i.module()).isEmpty()) {
                    throw new IllegalArgumentException("instance '" + i.name() + "' uses module '" + i.module()
                            + "', which the design does not contain");
                }
            }
        }
        Flattener f = new Flattener(design);
        ModuleIr top = design.topModule();
        boolean clocked = design.isClocked(top.name());
        List<Node.Input> inputs = new ArrayList<>(top.inputs());
        if (clocked) {
            Node.Input rst = new Node.Input(RST, Type.bool(), SourceLoc.UNKNOWN);
            inputs.add(rst);
            f.nodes.add(new FlatNode(rst, List.of(), RST));
        }
        f.inline(top, List.of(), Map.of());
        return new FlatDesign(top.name(), f.nodes, f.memories, inputs, top.outputs(), f.debug,
                f.clockedScopes, clocked);
    }

    /**
     * Adds the nets of {@code m} living at instance path {@code path}; {@code inputSources} gives, for a child,
     * the hierarchical parent net that drives each input port.
     */
    private void inline(ModuleIr m, List<String> path, Map<String, String> inputSources) {
        String prefix = path.isEmpty() ? "" : String.join(".", path) + ".";
        UnaryOperator<String> ren = n -> n == null ? null : prefix + n;
        boolean isTop = path.isEmpty();
        if (design.isClocked(m.name())) clockedScopes.add(path);
        for (String d : m.debug()) debug.add(prefix + d);
        Map<String, Instance> instances = new HashMap<>();
        for (Instance i : m.instances()) instances.put(i.name(), i);

        for (Node n : m.nodes()) {
            Node flat;
            if (n instanceof Node.Input in && !isTop) {
                String src = inputSources.get(in.name());
                if (src == null) {
                    throw new IllegalArgumentException("input '" + in.name() + "' of instance '" + String.join(".", path)
                            + "' (module " + m.name() + ") is not connected");
                }
                flat = new Node.Wire(ren.apply(in.name()), in.type(), src, in.loc());
            } else if (n instanceof Node.Output o && !isTop) {
                flat = new Node.Wire(ren.apply(o.name()), o.type(), ren.apply(o.source()), o.loc());
            } else if (n instanceof Node.InstanceOut io) {
                if (!instances.containsKey(io.instance())) {
                    throw new IllegalArgumentException("net '" + prefix + io.name() + "' reads output '" + io.port()
                            + "' of instance '" + io.instance() + "', which module " + m.name() + " does not have");
                }
                flat = new Node.Wire(ren.apply(io.name()), io.type(), prefix + io.instance() + "." + io.port(), io.loc());
            } else {
                flat = isTop ? n : rename(n, ren);
            }
            nodes.add(new FlatNode(flat, path, n.name()));
        }
        for (Memory mem : m.memories()) {
            memories.add(new FlatMemory(new Memory(ren.apply(mem.name()), mem.width(), mem.depth(), mem.init(),
                    ren.apply(mem.wrEnable()), ren.apply(mem.wrAddr()), ren.apply(mem.wrData()), mem.loc()), path));
        }
        for (Instance inst : m.instances()) {
            ModuleIr child = design.module(inst.module()).orElseThrow(() -> new IllegalArgumentException(
                    "instance '" + prefix + inst.name() + "' uses module '" + inst.module() + "', which the design does not contain"));
            Map<String, String> sources = new HashMap<>();
            for (Instance.Connection c : inst.inputs()) sources.put(c.port(), prefix + c.net());
            List<String> childPath = new ArrayList<>(path);
            childPath.add(inst.name());
            inline(child, List.copyOf(childPath), sources);
        }
    }

    /** The same node with its own name and the names it reads passed through {@code ren}. */
    static Node rename(Node n, UnaryOperator<String> ren) {
        if (n instanceof Node.Input x) return new Node.Input(ren.apply(x.name()), x.type(), x.loc());
        if (n instanceof Node.Output x) return new Node.Output(ren.apply(x.name()), x.type(), ren.apply(x.source()), x.loc());
        if (n instanceof Node.Wire x) return new Node.Wire(ren.apply(x.name()), x.type(), ren.apply(x.source()), x.loc());
        if (n instanceof Node.Const x) return new Node.Const(ren.apply(x.name()), x.type(), x.value(), x.loc());
        if (n instanceof Node.Unary x) return new Node.Unary(ren.apply(x.name()), x.type(), x.op(), ren.apply(x.arg()), x.loc());
        if (n instanceof Node.Binary x) {
            return new Node.Binary(ren.apply(x.name()), x.type(), x.op(), ren.apply(x.a()), ren.apply(x.b()), x.loc());
        }
        if (n instanceof Node.Slice x) return new Node.Slice(ren.apply(x.name()), x.type(), ren.apply(x.arg()), x.hi(), x.lo(), x.loc());
        if (n instanceof Node.Concat x) {
            return new Node.Concat(ren.apply(x.name()), x.type(), x.args().stream().map(ren).toList(), x.loc());
        }
        if (n instanceof Node.Mux x) {
            return new Node.Mux(ren.apply(x.name()), x.type(), ren.apply(x.sel()), ren.apply(x.ifTrue()), ren.apply(x.ifFalse()), x.loc());
        }
        if (n instanceof Node.Resize x) return new Node.Resize(ren.apply(x.name()), x.type(), ren.apply(x.arg()), x.loc());
        if (n instanceof Node.Cast x) return new Node.Cast(ren.apply(x.name()), x.type(), ren.apply(x.arg()), x.loc());
        if (n instanceof Node.Reg x) {
            return new Node.Reg(ren.apply(x.name()), x.type(), ren.apply(x.next()), ren.apply(x.enable()), x.reset(), x.loc());
        }
        if (n instanceof Node.MemRead x) {
            return new Node.MemRead(ren.apply(x.name()), x.type(), ren.apply(x.memory()), ren.apply(x.addr()), ren.apply(x.enable()), x.loc());
        }
        Node.InstanceOut x = (Node.InstanceOut) n;
        return new Node.InstanceOut(ren.apply(x.name()), x.type(), ren.apply(x.instance()), x.port(), x.loc());
    }
}
