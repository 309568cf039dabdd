package defernorm.hdl.emit;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;

import java.util.ArrayList;
import java.util.List;

/**
 * The nets a module reads other than as node operands, once per reading place: memory write ports, child
 * instance inputs, and the condition and enable of each check (the simulation-only check block).
 *
 * <pre>{@code for (String net : ReadsOutsideNodes.of(m)) markRead(net); }</pre>
 */
final class ReadsOutsideNodes {
    private ReadsOutsideNodes() {}

    static List<String> of(ModuleIr m) {
        List<String> nets = new ArrayList<>();
        for (Memory mem : m.memories()) {
            for (String net : new String[]{mem.wrEnable(), mem.wrAddr(), mem.wrData()}) if (net != null) nets.add(net);
        }
        for (Instance i : m.instances()) for (Instance.Connection c : i.inputs()) nets.add(c.net());
        for (Check c : m.checks()) {
            nets.add(c.condition());
            if (c.enable() != null) nets.add(c.enable());
        }
        return nets;
    }
}
