package defernorm.hdl.ir;

import java.util.List;

/**
 * A child module instance. {@code inputs} connects each input port of the child (by name) to a net of this
 * module; the child's outputs appear in this module as {@link Node.InstanceOut} nodes. The implicit
 * {@code clk} and {@code rst} are connected by the emitter when the child is clocked.
 */
public record Instance(String name, String module, List<Connection> inputs, SourceLoc loc) {
    public Instance { inputs = List.copyOf(inputs); }

    public record Connection(String port, String net) {}
}
