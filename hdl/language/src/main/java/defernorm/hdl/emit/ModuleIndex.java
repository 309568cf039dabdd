package defernorm.hdl.emit;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lookups over one module that the emitter's passes share, built once per module: each net's node, the
 * nodes that read it, how many places read it in all, and the nets marked for debug. {@link ModuleEmitter} makes
 * one and hands it to {@link WrappingArithmetic}, {@link RegisterOnlyLogic}, {@link SubstitutionDepth},
 * {@link Expressions}, {@link RegisterBlock} and {@link UnusedBits}, so none of them rebuilds its own.
 *
 * <pre>{@code
 * ModuleIndex index = ModuleIndex.of(m);
 * index.node("_add_3f2a").type();     // the net's node
 * index.readers("_add_3f2a").size();  // operand reads by nodes
 * index.reads("_add_3f2a");           // those plus memory ports, child inputs and checks
 * }</pre>
 */
final class ModuleIndex {
    private final ModuleIr module;
    private final Map<String, Node> byName;
    /** Per net, the nodes reading it, once per operand it is (a node reading it twice is listed twice). */
    private final Map<String, List<Node>> readers;
    /** Per net, the reads by anything but a node: {@link ReadsOutsideNodes}. */
    private final Map<String, Integer> outsideReads = new HashMap<>();
    private final Set<String> debug;

    private ModuleIndex(ModuleIr m) {
        this.module = m;
        int size = m.nodes().size();
        this.byName = new HashMap<>(2 * size);
        this.readers = new HashMap<>(2 * size);
        for (Node n : m.nodes()) {
            byName.put(n.name(), n);
            for (String op : n.operands()) {
                List<Node> rs = readers.get(op);   // not computeIfAbsent: a lambda is a class spun in a cold JVM
                if (rs == null) readers.put(op, rs = new ArrayList<>(2));
                rs.add(n);
            }
        }
        for (String net : ReadsOutsideNodes.of(m)) outsideReads.put(net, outsideReads.getOrDefault(net, 0) + 1);
        this.debug = new HashSet<>(m.debug());
    }

    static ModuleIndex of(ModuleIr m) { return new ModuleIndex(m); }

    ModuleIr module() { return module; }

    /** The node defining {@code net}, or null (an undefined name). */
    Node node(String net) { return byName.get(net); }

    /** The nodes reading {@code net}, once per operand it is of each; empty if none. */
    List<Node> readers(String net) { return readers.getOrDefault(net, List.of()); }

    /** How many places read {@code net}: node operands plus memory ports, child inputs and checks. */
    int reads(String net) { return readers(net).size() + outsideReads.getOrDefault(net, 0); }

    /** Whether something other than a node reads {@code net} (a memory port, a child's input, a check). */
    boolean readOutsideNodes(String net) { return outsideReads.containsKey(net); }

    /** The nets read other than as node operands, each once. */
    Set<String> readsOutsideNodes() { return outsideReads.keySet(); }

    /** Whether the user marked {@code net} for peeking from simulators. */
    boolean isDebug(String net) { return debug.contains(net); }
}
