package defernorm.hdl;

import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural dedup and automatic module names. Each elaborated module gets a key: the SHA-256 of its netlist
 * without source lines, children named by their own keys (and a black box's Verilog). Modules with one key
 * are one module in the design. The name a Component gives is a base name: when every module with that base
 * has the same key it is kept as is; when several netlists share it, each becomes
 * {@code <base>_<first 8 hex digits of its key>}. A key depends only on the module's own structure, so the
 * suffix does not depend on elaboration order or on the rest of the design.
 */
final class ModuleNames {
    private static final int SUFFIX_DIGITS = 8;

    private final Map<Component, String> keyOf = new IdentityHashMap<>();
    /** One netlist per key, in first-elaborated order (children first); instances name their child's key. */
    private final Map<String, ModuleIr> byKey = new LinkedHashMap<>();
    private final Map<String, Set<String>> keysByBase = new HashMap<>();

    /** Records {@code c}, elaborated to {@code ir}; its children must have been recorded before. */
    void add(Component c, ModuleIr ir) {
        List<Inst> insts = c.b.instances;
        List<Instance> keyed = new ArrayList<>();
        for (int k = 0; k < ir.instances().size(); k++) {
            Instance i = ir.instances().get(k);
            keyed.add(new Instance(i.name(), keyOf.get(insts.get(k).child), i.inputs(), i.loc()));
        }
        ModuleIr withKeys = new ModuleIr(ir.name(), ir.nodes(), ir.memories(), keyed, ir.debug(), ir.checks(),
                ir.blackBox(), ir.loc());
        String body = withKeys.withoutLocs().toString() + (ir.isBlackBox() ? ir.blackBox().verilog() : "");
        String key = NetNamer.sha256(body);
        keyOf.put(c, key);
        byKey.putIfAbsent(key, withKeys);
        keysByBase.computeIfAbsent(ir.name(), n -> new LinkedHashSet<>()).add(key);
    }

    /** The module name {@code c} ends up with in the design. */
    String nameOf(Component c) { return finalName(keyOf.get(c)); }

    /** Every distinct module, children before parents, under its final name. */
    List<ModuleIr> modules() {
        List<ModuleIr> out = new ArrayList<>();
        for (Map.Entry<String, ModuleIr> e : byKey.entrySet()) {
            out.add(e.getValue().renamed(finalName(e.getKey()), this::finalName));
        }
        return out;
    }

    private String finalName(String key) {
        String base = byKey.get(key).name();
        return keysByBase.get(base).size() == 1 ? base : base + "_" + key.substring(0, SUFFIX_DIGITS);
    }
}
