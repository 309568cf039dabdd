package defernorm.cosim.random;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts several designs side by side as children of one generated top, so one Verilator build (which costs
 * seconds) checks them all. Part {@code k}'s port {@code p} becomes top port {@code <part top>_p}. The
 * parts' module names must be distinct (give each {@link RandomDesign} its own name).
 *
 * <pre>{@code
 * Design all = DesignBatch.combine("fuzz", List.of(RandomDesign.build(g0, "d0"), RandomDesign.build(g1, "d1")));
 * }</pre>
 */
public final class DesignBatch {
    private DesignBatch() {}

    public static Design combine(String topName, List<Design> parts) {
        List<ModuleIr> modules = new ArrayList<>();
        ModuleBuilder top = new ModuleBuilder(topName);
        for (Design part : parts) {
            for (ModuleIr mod : part.modules()) {
                if (modules.stream().anyMatch(x -> x.name().equals(mod.name()))) {
                    throw new IllegalArgumentException("two parts of the batch define module '" + mod.name() + "'");
                }
                modules.add(mod);
            }
            ModuleIr pt = part.topModule();
            Map<String, String> conns = new LinkedHashMap<>();
            for (Node.Input in : pt.inputs()) conns.put(in.name(), top.input(pt.name() + "_" + in.name(), in.type()));
            Map<String, String> outs = top.instance("u_" + pt.name(), pt, conns);
            outs.forEach((port, net) -> top.output(pt.name() + "_" + port, net));
        }
        modules.add(top.build());
        return new Design(topName, modules);
    }
}
