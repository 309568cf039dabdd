package defernorm.hdl.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One elaborated module: a flat, immutable netlist. {@code nodes} is in a deterministic order (ports first,
 * in declaration order). {@code debug} lists nets the user marked for peeking from simulators;
 * {@code checks} its assertions and cover points. A black box ({@code blackBox} not null) has only its
 * {@link Node.Input} and {@link Node.Output} port nodes, each output reading itself (a placeholder: its
 * body is the user's Verilog).
 */
public record ModuleIr(String name, List<Node> nodes, List<Memory> memories, List<Instance> instances,
                       List<String> debug, List<Check> checks, ExternalVerilog blackBox, SourceLoc loc) {
    public ModuleIr {
        nodes = List.copyOf(nodes);
        memories = List.copyOf(memories);
        instances = List.copyOf(instances);
        debug = List.copyOf(debug);
        checks = List.copyOf(checks);
    }

    /** A module of ordinary logic, without checks. */
    public ModuleIr(String name, List<Node> nodes, List<Memory> memories, List<Instance> instances,
                    List<String> debug, SourceLoc loc) {
        this(name, nodes, memories, instances, debug, List.of(), null, loc);
    }

    /** A port of the module, in declaration order. */
    public record Port(String name, Type type, boolean output) {}

    public boolean isBlackBox() { return blackBox != null; }

    /*
     * inputs, outputs and renamed are loops, not streams: they run on every elaboration, in a cold JVM, where each
     * lambda and pipeline stage is interpreted work (and a class spun at first use).
     */
    public List<Node.Input> inputs() {
        List<Node.Input> out = new ArrayList<>();
        for (Node n : nodes) if (n instanceof Node.Input in) out.add(in);
        return List.copyOf(out);
    }

    public List<Node.Output> outputs() {
        List<Node.Output> out = new ArrayList<>();
        for (Node n : nodes) if (n instanceof Node.Output o) out.add(o);
        return List.copyOf(out);
    }

    /** The input and output ports in declaration order. */
    public List<Port> ports() {
        return nodes.stream().<Port>mapMulti((n, out) -> {
            if (n instanceof Node.Input in) out.accept(new Port(in.name(), in.type(), false));
            if (n instanceof Node.Output o) out.accept(new Port(o.name(), o.type(), true));
        }).toList();
    }

    /** The same module with every source location erased, to compare netlists. */
    public ModuleIr withoutLocs() {
        SourceLoc u = SourceLoc.UNKNOWN;
        return new ModuleIr(name, nodes.stream().map(n -> n.withLoc(u)).toList(),
                memories.stream().map(x -> new Memory(x.name(), x.width(), x.depth(), x.init(), x.wrEnable(),
                        x.wrAddr(), x.wrData(), u)).toList(),
                instances.stream().map(x -> new Instance(x.name(), x.module(), x.inputs(), u)).toList(),
                debug, checks.stream().map(c -> c.withLoc(u)).toList(), blackBox, u);
    }

    /** The same module under another name, with instances' modules renamed by {@code moduleName} (old name to new). */
    public ModuleIr renamed(String newName, Map<String, String> moduleName) {
        List<Instance> renamed = new ArrayList<>(instances.size());
        for (Instance x : instances) renamed.add(new Instance(x.name(), moduleName.get(x.module()), x.inputs(), x.loc()));
        return new ModuleIr(newName, nodes, memories, renamed, debug, checks, blackBox, loc);
    }
}
