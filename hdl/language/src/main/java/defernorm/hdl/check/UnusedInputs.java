package defernorm.hdl.check;

import defernorm.hdl.Diagnostic;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Warns about input ports nothing reads (after dead logic is dropped). */
public final class UnusedInputs {
    private UnusedInputs() {}

    public static List<Diagnostic> check(ModuleIr m) {
        if (m.isBlackBox()) return List.of();   // its body is the user's Verilog
        Set<String> read = new HashSet<>();
        for (Node n : m.nodes()) read.addAll(n.operands());
        for (Instance i : m.instances()) for (Instance.Connection c : i.inputs()) read.add(c.net());
        for (Memory mem : m.memories()) {
            read.add(mem.wrEnable());
            read.add(mem.wrAddr());
            read.add(mem.wrData());
        }
        for (defernorm.hdl.ir.Check c : m.checks()) {
            read.add(c.condition());
            read.add(c.enable());
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Node.Input in : m.inputs()) {
            if (!read.contains(in.name())) {
                out.add(Diagnostic.warning(in.loc(), "input '" + in.name() + "' of module '" + m.name() + "' is never used."));
            }
        }
        return out;
    }
}
