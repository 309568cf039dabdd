package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each net's value lives in the state array. Nets that merely rename another net of the same type
 * (wires, ports, instance connections, widening resizes of at most 64 bits, which keep the canonical
 * {@code long}) share their source's slot, so they cost nothing per cycle. A value of up to 64 bits takes
 * one slot, a wider one {@code ceil(width / 64)} consecutive slots.
 */
final class SlotMap {
    private final Map<String, FlatNode> byName = new HashMap<>();
    private final Map<String, String> repOf = new HashMap<>();
    private final Map<String, Integer> offsets = new HashMap<>();
    private final List<FlatNode> representatives = new ArrayList<>();
    private int size;

    SlotMap(List<FlatNode> nodes) {
        for (FlatNode f : nodes) {
            if (byName.put(f.node().name(), f) != null) {
                throw new IllegalArgumentException("the design defines net '" + f.node().name() + "' twice");
            }
        }
        for (FlatNode f : nodes) {
            for (String operand : f.node().operands()) {
                if (operand == null || !byName.containsKey(operand)) {
                    throw new IllegalArgumentException("net '" + f.node().name() + "' (" + f.node().loc() + ") reads net '"
                            + operand + "', which the design does not define");
                }
            }
        }
        for (FlatNode f : nodes) {
            String rep = representative(f.node().name());
            if (rep.equals(f.node().name())) {
                representatives.add(f);
                offsets.put(rep, size);
                size += Words.count(f.node().type().width());
            }
        }
        for (FlatNode f : nodes) offsets.put(f.node().name(), offsets.get(representative(f.node().name())));
    }

    /**
     * Lays the slots out again: the nets of {@code first} (representatives) take the first slots in that
     * order, the others follow in design order. Given the evaluation order, an op's result lands next to the
     * previous op's and reads results made just before: the per-cycle loop walks memory nearly sequentially
     * instead of jumping around the state array (300 KB at the Llama-scale top; a third faster per cycle).
     */
    void layout(List<FlatNode> first) {
        List<FlatNode> order = new ArrayList<>(representatives.size());
        Set<String> placed = new HashSet<>();
        for (FlatNode f : first) if (placed.add(f.node().name())) order.add(f);
        for (FlatNode f : representatives) if (placed.add(f.node().name())) order.add(f);
        if (order.size() != representatives.size()) throw new IllegalArgumentException("layout names a net that owns no slot");
        int at = 0;
        for (FlatNode f : order) {
            offsets.put(f.node().name(), at);
            at += Words.count(f.node().type().width());
        }
        for (FlatNode f : byName.values()) offsets.put(f.node().name(), offsets.get(representative(f.node().name())));
    }

    /** The net whose slot {@code name} shares (itself when it computes its own value). */
    String representative(String name) {
        String known = repOf.get(name);
        if (known != null) return known;
        if (aliasSource(byName.get(name).node()) == null) {   // the common case: computes its own value
            repOf.put(name, name);
            return name;
        }
        Set<String> seen = new LinkedHashSet<>();
        String cur = name;
        while (true) {
            String r = repOf.get(cur);
            if (r != null) { cur = r; break; }
            String next = aliasSource(byName.get(cur).node());
            if (next == null) break;
            if (!seen.add(cur)) {
                throw new IllegalArgumentException("combinational loop through nets " + String.join(" -> ", seen) + " -> " + cur);
            }
            cur = next;
        }
        for (String s : seen) repOf.put(s, cur);
        repOf.put(name, cur);
        return cur;
    }

    /** The net {@code n} is a pure rename of, or null if it computes a value of its own. */
    private String aliasSource(Node n) {
        String src = switch (n) {
            case Node.Wire w -> w.source();
            case Node.Output o -> o.source();
            case Node.Resize r -> r.arg();
            case Node.Input _, Node.Const _, Node.Unary _, Node.Binary _, Node.Slice _, Node.Concat _, Node.Mux _,
                 Node.Cast _, Node.Reg _, Node.MemRead _, Node.InstanceOut _ -> null;
        };
        if (src == null) return null;
        Type from = byName.get(src).node().type();
        Type to = n.type();
        if (n instanceof Node.Resize r) {
            boolean widening = from.signed() == to.signed() && to.width() >= from.width() && to.width() <= 64;
            return widening ? src : null;
        }
        if (!from.equals(to)) {
            throw new IllegalArgumentException("net '" + n.name() + "' (" + n.loc() + ") is " + to + " but is driven by '"
                    + src + "' of " + from);
        }
        return src;
    }

    int offset(String name) {
        Integer o = offsets.get(name);
        if (o == null) throw new IllegalArgumentException("no net named '" + name + "'");
        return o;
    }

    boolean has(String name) { return byName.containsKey(name); }

    FlatNode node(String name) { return byName.get(name); }

    Type type(String name) { return byName.get(name).node().type(); }

    /** Nets that own a slot, in design order. */
    List<FlatNode> representatives() { return representatives; }

    int size() { return size; }
}
