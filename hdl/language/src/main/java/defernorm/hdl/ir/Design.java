package defernorm.hdl.ir;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An elaborated design: its top module's name and every module it uses, children before parents, each
 * distinct module once. Whether a module is clocked (has {@code clk}/{@code rst} ports) is
 * {@link #isClocked(String)}: it holds a register, a memory, an assertion or cover point, or a clocked child,
 * or is a black box declared clocked.
 */
public record Design(String top, List<ModuleIr> modules) {
    public Design { modules = List.copyOf(modules); }

    public ModuleIr topModule() { return module(top).orElseThrow(); }

    public Optional<ModuleIr> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public boolean isClocked(String moduleName) {
        module(moduleName).orElseThrow();
        return clockedModules().contains(moduleName);
    }

    /**
     * The names of the clocked modules, found in one pass over {@link #modules()} (children come first), so
     * the cost is linear in the design however deep its hierarchy.
     */
    public Set<String> clockedModules() {
        Set<String> clocked = new HashSet<>();
        for (ModuleIr m : modules) {
            boolean c = !m.memories().isEmpty() || !m.checks().isEmpty() || (m.isBlackBox() && m.blackBox().clocked());
            for (int k = 0; !c && k < m.nodes().size(); k++) c = m.nodes().get(k).isClocked();   // stop at the first
            for (int k = 0; !c && k < m.instances().size(); k++) c = clocked.contains(m.instances().get(k).module());
            if (c) clocked.add(m.name());
        }
        return clocked;
    }

    /** The memories in the flattened hierarchy under {@code moduleName} (each instance counts its own). */
    public int memoryCount(String moduleName) {
        ModuleIr m = module(moduleName).orElseThrow();
        int n = m.memories().size();
        for (Instance i : m.instances()) n += memoryCount(i.module());
        return n;
    }
}
