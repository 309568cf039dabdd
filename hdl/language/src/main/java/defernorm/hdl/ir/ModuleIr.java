package defernorm.hdl.ir;

import java.util.List;

/**
 * One elaborated module: a flat, immutable netlist. {@code nodes} is in a deterministic order (ports first,
 * in declaration order). {@code debug} lists nets the user marked for peeking from simulators.
 */
public record ModuleIr(String name, List<Node> nodes, List<Memory> memories, List<Instance> instances,
                       List<String> debug, SourceLoc loc) {
    public ModuleIr {
        nodes = List.copyOf(nodes);
        memories = List.copyOf(memories);
        instances = List.copyOf(instances);
        debug = List.copyOf(debug);
    }

    public List<Node.Input> inputs() {
        return nodes.stream().filter(n -> n instanceof Node.Input).map(n -> (Node.Input) n).toList();
    }

    public List<Node.Output> outputs() {
        return nodes.stream().filter(n -> n instanceof Node.Output).map(n -> (Node.Output) n).toList();
    }
}
