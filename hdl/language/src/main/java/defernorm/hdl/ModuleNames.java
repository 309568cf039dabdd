package defernorm.hdl;

import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural dedup and automatic module names. Components whose netlists are equal (ignoring source lines,
 * children compared the same way) are one module of the design. The name a Component gives is a base name:
 * when every module with that base has one netlist it is kept as is; when several netlists share it, each
 * becomes {@code <base>_<first 8 hex digits of its key>}, where the key is the 64-bit {@link StructureHash} of
 * its netlist without source lines, children named by their own keys (and a black box's Verilog): the hash
 * temporaries are named by. A key depends only on the module's own structure, so the suffix does not depend on
 * elaboration order or on the rest of the design, except where two netlists of one base name share the first 8
 * digits (about 2<sup>-32</sup> per pair): both then show one digit more than they share, as temporaries do,
 * and of two equal keys the later netlist takes the next free value, so two netlists never get one name.
 * Keys are computed only for names that need a suffix, and netlists are compared only when a base name comes
 * back: most designs pay nothing for either.
 */
final class ModuleNames {
    private static final int SUFFIX_DIGITS = 8;

    /** One distinct netlist: with source lines, and without (instances naming their child's {@link #id}). */
    private static final class Variant {
        final String id;
        final ModuleIr located;
        private ModuleIr plain;
        final List<Variant> children;
        /** The structural key, once {@link #key} has computed it. */
        Long key;
        /** The name suffix, once {@link #finalName} has chosen it among the base name's netlists. */
        String suffix;

        Variant(String id, ModuleIr located, List<Variant> children) {
            this.id = id;
            this.located = located;
            this.children = children;
        }

        /** Made on first use: a copy of the netlist, then hashed whole, which a name used once never needs. */
        ModuleIr plain() {
            if (plain == null) plain = located.withoutLocs();
            return plain;
        }
    }

    private final Map<Component, Variant> variantOf = new IdentityHashMap<>();
    private final List<Variant> variants = new ArrayList<>();   // first-elaborated order: children first
    private final Map<String, List<Variant>> byBase = new HashMap<>();
    private final Map<ModuleIr, Variant> byPlain = new HashMap<>();

    /** Records {@code c}, elaborated to {@code ir}; its children must have been recorded before. */
    void add(Component c, ModuleIr ir) {
        List<Inst> insts = c.b.instances;
        List<Variant> children = new ArrayList<>();
        List<Instance> byId = new ArrayList<>();
        for (int k = 0; k < ir.instances().size(); k++) {
            Instance i = ir.instances().get(k);
            Variant child = variantOf.get(insts.get(k).child);
            children.add(child);
            byId.add(new Instance(i.name(), child.id, i.inputs(), i.loc()));
        }
        ModuleIr located = new ModuleIr(ir.name(), ir.nodes(), ir.memories(), byId, ir.debug(), ir.checks(),
                ir.blackBox(), ir.loc());
        List<Variant> same = byBase.get(ir.name());
        if (same == null) byBase.put(ir.name(), same = new ArrayList<>());
        Variant v = new Variant(ir.name() + "#" + same.size(), located, children);
        if (!same.isEmpty()) {   // the name comes back: compare netlists (only same-named ones can be equal)
            if (same.size() == 1) byPlain.put(same.get(0).plain(), same.get(0));
            Variant known = byPlain.get(v.plain());   // a black box's Verilog takes part (ExternalVerilog.equals)
            if (known != null) {
                variantOf.put(c, known);
                return;
            }
            byPlain.put(v.plain(), v);
        }
        same.add(v);
        variants.add(v);
        variantOf.put(c, v);
    }

    /**
     * Black boxes cannot be renamed (their Verilog names the module): two different ones under one name are
     * an error, reported where the second is declared.
     */
    List<Diagnostic> problems() {
        List<Diagnostic> out = new ArrayList<>();
        for (List<Variant> same : byBase.values()) {
            if (same.size() > 1 && same.stream().anyMatch(v -> v.located.isBlackBox())) {
                out.add(Diagnostic.error(same.get(1).located.loc(), "module name '" + same.get(0).located.name()
                        + "' is used by two different modules, one of them a black box (the other is declared at "
                        + same.get(0).located.loc() + "); give them different names."));
            }
        }
        return out;
    }

    /** The module name {@code c} ends up with in the design. */
    String nameOf(Component c) { return finalName(variantOf.get(c)); }

    /** Every distinct module, children before parents, under its final name. */
    List<ModuleIr> modules() {
        Map<String, String> names = new HashMap<>();
        for (Variant v : variants) names.put(v.id, finalName(v));
        List<ModuleIr> out = new ArrayList<>();
        for (Variant v : variants) out.add(v.located.renamed(names.get(v.id), names));
        return out;
    }

    private String finalName(Variant v) {
        String base = v.located.name();
        List<Variant> same = byBase.get(base);
        if (same.size() == 1) return base;
        if (v.suffix == null) {
            List<Long> keys = new ArrayList<>();
            for (Variant x : same) keys.add(key(x));
            List<String> suffixes = suffixes(keys);
            for (int i = 0; i < same.size(); i++) same.get(i).suffix = suffixes.get(i);
        }
        return base + "_" + v.suffix;
    }

    /**
     * The suffixes of one base name's distinct netlists from their keys, in first-elaborated order: the first
     * {@value #SUFFIX_DIGITS} hex digits, or one more than a key shares with another; a key equal to an earlier one
     * (two netlists, one hash) is first moved to the next free value.
     */
    static List<String> suffixes(List<Long> keys) {
        List<Long> distinct = new ArrayList<>();
        for (long k : keys) {
            while (distinct.contains(k)) k++;
            distinct.add(k);
        }
        List<String> out = new ArrayList<>();
        for (long k : distinct) {
            int digits = SUFFIX_DIGITS;
            for (long other : distinct) if (other != k) digits = Math.max(digits, StructureHash.sharedHexDigits(k, other) + 1);
            out.add(HexFormat.of().toHexDigits(k).substring(0, digits));
        }
        return out;
    }

    /**
     * The structural key of {@code root}, computed once per variant, children first. An explicit stack, as
     * in the Elaborator: a hierarchy thousands of levels deep must not overflow the Java stack.
     */
    private static long key(Variant root) {
        Deque<Variant> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Variant v = stack.peek();
            if (v.key != null) { stack.pop(); continue; }
            Variant pending = v.children.stream().filter(c -> c.key == null).findFirst().orElse(null);
            if (pending != null) { stack.push(pending); continue; }
            List<Instance> keyed = new ArrayList<>();
            for (int k = 0; k < v.plain().instances().size(); k++) {
                Instance i = v.plain().instances().get(k);
                keyed.add(new Instance(i.name(), HexFormat.of().toHexDigits(v.children.get(k).key), i.inputs(), i.loc()));
            }
            ModuleIr m = v.plain();
            m = new ModuleIr(m.name(), m.nodes(), m.memories(), keyed, m.debug(), m.checks(), m.blackBox(), m.loc());
            v.key = new StructureHash().add(m.toString()).add(m.isBlackBox() ? m.blackBox().verilog() : "").value();
            stack.pop();
        }
        return root.key;
    }
}
