package defernorm.hdl.ir;

import java.util.List;
import java.util.Optional;

/**
 * An elaborated design: its top module's name and every module it uses, children before parents, each
 * distinct module once. Whether a module is clocked (has {@code clk}/{@code rst} ports) is
 * {@link #isClocked(String)}: it holds a register, a memory, or a clocked child.
 */
public record Design(String top, List<ModuleIr> modules) {
    public Design { modules = List.copyOf(modules); }

    public ModuleIr topModule() { return module(top).orElseThrow(); }

    public Optional<ModuleIr> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public boolean isClocked(String moduleName) {
        ModuleIr m = module(moduleName).orElseThrow();
        if (!m.memories().isEmpty()) return true;
        for (Node n : m.nodes()) if (n instanceof Node.Reg || n instanceof Node.MemRead) return true;
        for (Instance i : m.instances()) if (isClocked(i.module())) return true;
        return false;
    }
}
