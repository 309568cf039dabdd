package defernorm.hdl.ir;

import java.util.List;

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

    public List<Node.Input> inputs() {
        return nodes.stream().filter(n -> n instanceof Node.Input).map(n -> (Node.Input) n).toList();
    }

    public List<Node.Output> outputs() {
        return nodes.stream().filter(n -> n instanceof Node.Output).map(n -> (Node.Output) n).toList();
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

    /** The same module under another name, with instances renamed by {@code moduleName}. */
    public ModuleIr renamed(String newName, java.util.function.UnaryOperator<String> moduleName) {
        return new ModuleIr(newName, nodes, memories,
                instances.stream().map(x -> new Instance(x.name(), moduleName.apply(x.module()), x.inputs(), x.loc())).toList(),
                debug, checks, blackBox, loc);
    }
}
