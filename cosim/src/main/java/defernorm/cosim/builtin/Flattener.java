package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatMemory;
import defernorm.cosim.builtin.FlatDesign.FlatModel;
import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Inlines a design's instances into one {@link FlatDesign}, naming child nets {@code instance.net}. */
final class Flattener {
    static final String RST = "rst";

    private final Design design;
    private final List<FlatNode> nodes = new ArrayList<>();
    private final List<FlatMemory> memories = new ArrayList<>();
    private final List<List<String>> clockedScopes = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<FlatModel> models = new ArrayList<>();

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
        if (top.isBlackBox()) {
            throw new IllegalArgumentException("black box '" + top.name() + "' (" + top.loc() + ") cannot be the top of a"
                    + " simulation; instantiate it in a component");
        }
        boolean clocked = design.isClocked(top.name());
        List<Node.Input> inputs = new ArrayList<>(top.inputs());
        if (clocked) {
            Node.Input rst = new Node.Input(RST, Type.bool(), SourceLoc.UNKNOWN);
            inputs.add(rst);
            f.nodes.add(new FlatNode(rst, List.of(), RST));
        }
        f.inline(top, List.of(), Map.of());
        return new FlatDesign(top.name(), f.nodes, f.memories, inputs, top.outputs(),
                f.clockedScopes, clocked, f.checks, f.models);
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
        Map<String, Instance> instances = new HashMap<>();
        for (Instance i : m.instances()) instances.put(i.name(), i);

        for (Node n : m.nodes()) {
            Node flat = switch (n) {
                case Node.Input in when !isTop -> {
                    String src = inputSources.get(in.name());
                    if (src == null) {
                        throw new IllegalArgumentException("input '" + in.name() + "' of instance '" + String.join(".", path)
                                + "' (module " + m.name() + ") is not connected");
                    }
                    yield new Node.Wire(ren.apply(in.name()), in.type(), src, in.loc());
                }
                case Node.Output o when !isTop -> new Node.Wire(ren.apply(o.name()), o.type(), ren.apply(o.source()), o.loc());
                case Node.InstanceOut io -> {
                    if (!instances.containsKey(io.instance())) {
                        throw new IllegalArgumentException("net '" + prefix + io.name() + "' reads output '" + io.port()
                                + "' of instance '" + io.instance() + "', which module " + m.name() + " does not have");
                    }
                    yield new Node.Wire(ren.apply(io.name()), io.type(), prefix + io.instance() + "." + io.port(), io.loc());
                }
                default -> isTop ? n : n.mapNames(ren);   // every other kind keeps its shape, renamed
            };
            nodes.add(new FlatNode(flat, path, n.name()));
        }
        for (Check c : m.checks()) checks.add(isTop ? c : c.mapNames(ren));
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
            if (child.isBlackBox()) inlineModel(child, inst, List.copyOf(childPath), sources);
            else inline(child, List.copyOf(childPath), sources);
        }
    }

    /**
     * A black-box instance: its behavioural model, or one sentence saying why the built-in engine cannot
     * run it. Input ports become wires of the parent's nets; output ports are source nets the model sets.
     */
    private void inlineModel(ModuleIr box, Instance inst, List<String> path, Map<String, String> inputSources) {
        String where = String.join(".", path);
        if (!box.blackBox().hasModel()) {
            throw new IllegalArgumentException("The built-in engine cannot simulate black box '" + box.name()
                    + "' (instance '" + where + "' at " + inst.loc() + "): give it a behavioural model (override"
                    + " BlackBox.model()) or simulate on Verilator.");
        }
        String prefix = where + ".";
        List<String> nets = new ArrayList<>();
        for (ModuleIr.Port p : box.ports()) {
            String net = prefix + p.name();
            nets.add(net);
            Node n = p.output() ? new Node.Input(net, p.type(), inst.loc())
                    : new Node.Wire(net, p.type(), inputSources.get(p.name()), inst.loc());
            nodes.add(new FlatNode(n, path, p.name()));
        }
        models.add(new FlatModel(where, box.blackBox().model().get(), box.ports(), nets));
    }
}
