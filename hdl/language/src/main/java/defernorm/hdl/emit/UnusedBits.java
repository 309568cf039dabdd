package defernorm.hdl.emit;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static defernorm.hdl.emit.VerilogSyntax.part;

/**
 * Finds the bits of a module's nets that nothing reads (e.g. the high half of an input that only feeds a
 * slice), so the emitter can sink them into one {@code _unused_ok} wire: Verilator -Wall then stays
 * silent (it ignores names matching {@code *unused*}) without a blanket waiver.
 */
final class UnusedBits {
    private UnusedBits() {}

    /**
     * The unread parts of the module's nets as Verilog selects, most significant first within a net, nets in
     * node order, after {@code unreadImplicitNets} (e.g. {@code rst} in a module without resets). Nets for which
     * {@code undeclared} holds are not in the Verilog (they are spelled inside their reader), so not sunk.
     */
    static List<String> of(ModuleIndex index, List<String> unreadImplicitNets, Predicate<String> undeclared) {
        ModuleIr m = index.module();
        Map<String, BitSet> read = new HashMap<>(2 * m.nodes().size());
        for (Node n : m.nodes()) read.put(n.name(), new BitSet());
        for (Node n : m.nodes()) markReads(n, index, read);
        for (String net : index.readsOutsideNodes()) markAll(net, index, read);

        List<String> parts = new ArrayList<>(unreadImplicitNets);
        for (Node n : m.nodes()) {
            if (n instanceof Node.Output || undeclared.test(n.name())) continue;   // read by the parent; not in the text
            int w = n.type().width();
            BitSet r = read.get(n.name());
            // Each run of unread bits, from the top: a word at a time (not bit by bit: this runs interpreted, cold).
            for (int hi = r.previousClearBit(w - 1); hi >= 0; ) {
                int lo = r.previousSetBit(hi) + 1;
                parts.add(part(n.name(), w, hi, lo));
                hi = lo == 0 ? -1 : r.previousClearBit(lo - 1);
            }
        }
        return parts;
    }

    private static void markReads(Node n, ModuleIndex index, Map<String, BitSet> read) {
        int[] part = partRead(n, index);
        if (part != null) mark(n.operands().getFirst(), part[0], part[1], read);
        else for (String op : n.operands()) markAll(op, index, read);
    }

    /** The bits {@code [from, to)} a slice or a narrowing resize reads of its one operand; null for a whole read. */
    private static int[] partRead(Node n, ModuleIndex index) {
        return switch (n.kind()) {
            case SLICE -> new int[]{((Node.Slice) n).lo(), ((Node.Slice) n).hi() + 1};
            case RESIZE -> n.type().width() < widthOf(((Node.Resize) n).arg(), index) ? new int[]{0, n.type().width()} : null;
            case INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, CONCAT, MUX, CAST, REG, MEM_READ, INSTANCE_OUT -> null;
        };
    }

    private static int widthOf(String net, ModuleIndex index) {
        Node n = index.node(net);
        if (n == null) throw new IllegalArgumentException("net '" + net + "' is read but never defined in the IR");
        return n.type().width();
    }

    private static void markAll(String net, ModuleIndex index, Map<String, BitSet> read) {
        if (net != null) mark(net, 0, widthOf(net, index), read);
    }

    private static void mark(String net, int from, int to, Map<String, BitSet> read) {
        BitSet b = read.get(net);
        if (b == null) throw new IllegalArgumentException("net '" + net + "' is read but never defined in the IR");
        b.set(from, to);
    }
}
