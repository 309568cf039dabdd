package defernorm.cosim.builtin;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.CycleModel;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import java.util.List;

/**
 * A design with its hierarchy inlined: every net and memory has a hierarchical name ({@code u_mac.acc} for
 * net {@code acc} of instance {@code u_mac}); instance port connections became {@link Node.Wire}s.
 *
 * @param nodes       every net, with operands renamed to hierarchical names
 * @param memories    every memory, renamed likewise
 * @param inputs      the top module's input ports (plus {@code rst} when the design is clocked)
 * @param outputs     the top module's output ports
 * @param clockedScopes instance paths of the clocked modules (for {@code clk}/{@code rst} in waveforms)
 * @param clocked     whether the top has {@code clk}/{@code rst}
 * @param checks      every assertion and cover point, named and reading hierarchical names
 * @param models      the behavioural models standing in for black-box instances
 */
record FlatDesign(String top, List<FlatNode> nodes, List<FlatMemory> memories, List<Node.Input> inputs,
                  List<Node.Output> outputs, List<List<String>> clockedScopes,
                  boolean clocked, List<Check> checks, List<FlatModel> models) {

    /** One net: the renamed node, the instance path it lives in, and its name in that module's Verilog. */
    record FlatNode(Node node, List<String> scope, String localName) {}

    record FlatMemory(Memory memory, List<String> scope) {}

    /**
     * A black-box instance run by its behavioural model: each port with the flat net standing for it (an
     * input port reads a wire of the parent's net; an output port is a source net the model writes).
     */
    record FlatModel(String instance, CycleModel model, List<ModuleIr.Port> ports, List<String> nets) {}
}
