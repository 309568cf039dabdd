package defernorm.hdl.check;

import defernorm.hdl.Diagnostic;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds cycles of combinational logic (no register or memory read on them) by depth-first search over each
 * module's nets, looking through child instances: a child's output depends on the inputs it reaches
 * combinationally (a black box's outputs count as registered). Each loop is reported once, with one hop per detail line and its source line.
 */
public final class CombinationalLoops {
    private static final int MAX_LOOPS_PER_MODULE = 5;

    private CombinationalLoops() {}

    public static List<Diagnostic> check(Design design) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Map<String, Set<String>>> deps = new HashMap<>();
        for (ModuleIr m : design.modules()) {
            if (m.isBlackBox()) continue;   // outputs taken as registered: no path through it, none inside
            Graph g = new Graph(m, deps);
            out.addAll(g.loops());
            if (!m.name().equals(design.top())) deps.put(m.name(), g.outputDeps());
        }
        return out;
    }

    private static final class Graph {
        final ModuleIr m;
        final Map<String, Node> byName = new LinkedHashMap<>();
        final Map<String, Instance> instances = new HashMap<>();
        final Map<String, Map<String, Set<String>>> deps;

        Graph(ModuleIr m, Map<String, Map<String, Set<String>>> deps) {
            this.m = m;
            this.deps = deps;
            for (Node n : m.nodes()) byName.putIfAbsent(n.name(), n);
            for (Instance i : m.instances()) instances.put(i.name(), i);
        }

        /** The nets {@code name} reads combinationally, in a fixed order. */
        List<String> edges(String name) {
            Node n = byName.get(name);
            if (n == null) return List.of();
            return switch (n.kind()) {
                case REG, MEM_READ -> List.of();   // clocked: the path ends here
                case INSTANCE_OUT -> throughInstance((Node.InstanceOut) n);
                case INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST -> n.operands();
            };
        }

        /** The parent nets that reach child output {@code io} combinationally (per the child's own deps). */
        private List<String> throughInstance(Node.InstanceOut io) {
            Instance inst = instances.get(io.instance());
            if (inst == null) return List.of();
            Set<String> ins = deps.getOrDefault(inst.module(), Map.of()).getOrDefault(io.port(), Set.of());
            List<String> e = new ArrayList<>();
            for (Instance.Connection c : inst.inputs()) if (ins.contains(c.port())) e.add(c.net());
            return e;
        }

        Map<String, Set<String>> outputDeps() {
            Map<String, Set<String>> r = new HashMap<>();
            for (Node.Output o : m.outputs()) {
                Set<String> inputs = new LinkedHashSet<>();
                Set<String> seen = new HashSet<>();
                Deque<String> work = new ArrayDeque<>();
                work.add(o.name());
                while (!work.isEmpty()) {
                    String x = work.pop();
                    if (!seen.add(x)) continue;
                    if (byName.get(x) instanceof Node.Input) inputs.add(x);
                    for (String e : edges(x)) work.add(e);   // not addAll: ArrayDeque's spins a method reference cold
                }
                r.put(o.name(), inputs);
            }
            return r;
        }

        List<Diagnostic> loops() {
            List<Diagnostic> out = new ArrayList<>();
            Map<String, Integer> color = new HashMap<>(2 * byName.size());   // absent: unvisited, 1: on the path, 2: done
            for (String start : byName.keySet()) {
                if (color.containsKey(start)) continue;
                Deque<String> path = new ArrayDeque<>();
                Deque<Iterator<String>> unfollowed = new ArrayDeque<>();   // each path node's edges not taken yet
                path.push(start);
                unfollowed.push(edges(start).iterator());
                color.put(start, 1);
                while (!path.isEmpty()) {
                    Iterator<String> es = unfollowed.peek();
                    if (!es.hasNext()) {
                        color.put(path.pop(), 2);
                        unfollowed.pop();
                        continue;
                    }
                    String v = es.next();
                    Integer c = color.get(v);
                    if (c == null) {
                        if (!byName.containsKey(v)) continue;
                        color.put(v, 1);
                        path.push(v);
                        unfollowed.push(edges(v).iterator());
                    } else if (c == 1 && out.size() < MAX_LOOPS_PER_MODULE) {
                        out.add(report(cycle(path, v)));
                    }
                }
            }
            return out;
        }

        /** The cycle v -> ... -> top of path -> v, in reading order. */
        private static List<String> cycle(Deque<String> path, String v) {
            List<String> c = new ArrayList<>();
            for (var it = path.descendingIterator(); it.hasNext(); ) {
                String x = it.next();
                if (x.equals(v) || !c.isEmpty()) c.add(x);
            }
            return c;
        }

        private Diagnostic report(List<String> cycle) {
            int start = 0;   // start at the first user-named net, so the message reads naturally
            for (int i = 0; i < cycle.size(); i++) if (!cycle.get(i).startsWith("_")) { start = i; break; }
            List<String> c = new ArrayList<>(cycle.subList(start, cycle.size()));
            c.addAll(cycle.subList(0, start));
            List<String> hops = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                Node n = byName.get(c.get(i));
                String next = c.get((i + 1) % c.size());
                String via = n instanceof Node.InstanceOut io ? " through instance '" + io.instance() + "'" : "";
                hops.add(n.loc() + ": " + describe(n) + " reads '" + next + "'" + via);
            }
            Node first = byName.get(c.get(0));
            return new Diagnostic(Diagnostic.Severity.ERROR, first.loc(), "combinational loop in module '" + m.name()
                    + "' with no register on it: " + String.join(" -> ", c) + " -> " + c.get(0) + ".", hops);
        }
    }

    /** How a node is called in messages, e.g. {@code wire 'a'} or {@code add '_add_3fa2'}. */
    public static String describe(Node n) { return n.describeKind() + " '" + n.name() + "'"; }
}
