package defernorm.cosim.builtin;

import defernorm.cosim.builtin.FlatDesign.FlatNode;
import defernorm.hdl.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the nets that compute a value each cycle so every net comes after the nets it reads, level by level:
 * a net's level is the longest path to it from a source, so the nets of one level read only lower levels and
 * may run in any order among themselves. Inputs, constants, registers and memory read ports are sources
 * (their values are known before evaluation).
 */
final class Levelizer {
    private Levelizer() {}

    static boolean isSource(Node n) {
        return switch (n) {
            case Node.Input _, Node.Const _, Node.Reg _, Node.MemRead _ -> true;
            case Node.Output _, Node.Wire _, Node.Unary _, Node.Binary _, Node.Slice _, Node.Concat _, Node.Mux _,
                 Node.Resize _, Node.Cast _, Node.InstanceOut _ -> false;
        };
    }

    /** The computing nets by level; a combinational loop is an IllegalArgumentException naming it. */
    static List<List<FlatNode>> levels(SlotMap slots) {
        Map<String, FlatNode> ops = new LinkedHashMap<>();
        for (FlatNode f : slots.representatives()) if (!isSource(f.node())) ops.put(f.node().name(), f);

        Map<String, List<String>> readers = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (FlatNode f : ops.values()) {
            int count = 0;
            for (String operand : f.node().operands()) {
                String rep = slots.representative(operand);
                if (ops.containsKey(rep)) {
                    readers.computeIfAbsent(rep, k -> new ArrayList<>()).add(f.node().name());
                    count++;
                }
            }
            pending.put(f.node().name(), count);
        }
        List<String> ready = new ArrayList<>();
        for (FlatNode f : ops.values()) if (pending.get(f.node().name()) == 0) ready.add(f.node().name());
        List<List<FlatNode>> levels = new ArrayList<>();
        int placed = 0;
        while (!ready.isEmpty()) {   // Kahn's algorithm a level at a time: a net is ready once its last operand is placed
            List<FlatNode> level = new ArrayList<>(ready.size());
            List<String> next = new ArrayList<>();
            for (String n : ready) {
                level.add(ops.get(n));
                for (String r : readers.getOrDefault(n, List.of())) {
                    if (pending.merge(r, -1, Integer::sum) == 0) next.add(r);
                }
            }
            levels.add(level);
            placed += level.size();
            ready = next;
        }
        if (placed != ops.size()) throw new IllegalArgumentException(describeLoop(slots, ops, pending));
        return levels;
    }

    private static String describeLoop(SlotMap slots, Map<String, FlatNode> ops, Map<String, Integer> pending) {
        String start = pending.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String cur = start;
        while (!path.contains(cur)) {
            path.add(cur);
            String next = null;
            for (String operand : ops.get(cur).node().operands()) {
                String rep = slots.representative(operand);
                if (ops.containsKey(rep) && pending.get(rep) > 0) { next = rep; break; }
            }
            cur = next;
        }
        List<String> loop = path.subList(path.indexOf(cur), path.size());
        StringBuilder sb = new StringBuilder("the design has a combinational loop:");
        for (String n : loop) sb.append("\n  ").append(n).append(" (").append(ops.get(n).node().loc()).append(")");
        sb.append("\n  ").append(cur);
        return sb.toString();
    }
}
