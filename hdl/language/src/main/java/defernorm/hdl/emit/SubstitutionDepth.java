package defernorm.hdl.emit;

import defernorm.hdl.ir.Node;

import java.util.HashMap;
import java.util.Map;

/**
 * Chooses, for each sign extension, between the spelling that reads the net once and the one that reads it
 * twice, so that chains of single-read sign extensions stay shorter than {@link #BOUND}.
 *
 * <p>Why: Verilator 5.006 substitutes a wire into its only reader and keeps a wire read twice as a variable of
 * its own. Reading the net once ({@code {({1'd0, a} ^ 18'd65536) - 18'd65536}}) lets it fold whole adder trees into one
 * expression computed only where it is used (the 16×16 MAC array bench: 4156 down to 2240 instructions
 * per cycle). Spelled as a shift ({@code $signed(..) >>> k}), its build time and memory grew exponentially with the
 * number of such extensions nested in one substituted expression (a chain of 12 signed adds: 4 s and 81 MB; 16
 * MAC rows: past 20 GB); the two's-complement spelling builds linearly (16 deep 0.2 s / 13 MB, 256 deep 0.5 s /
 * 52 MB), but the bound was chosen by instruction counts too, so it stays until re-measured. The two-read
 * spelling ({@code {a[16], a}}) keeps {@code a} a variable, which cuts the chain; it is used whenever the
 * single-read one would make the chain {@link #BOUND} deep (docs/benchmarks.md, "Emitted Verilog under
 * Verilator").
 *
 * <p>The depth of a net is the largest number of single-read sign extensions nested in the expression Verilator
 * could substitute for it. It is computed in one pass, in the order the assigns are spelled (no recursion, so
 * designs thousands of nodes deep are fine), and errs on the deep side: a net read by two IR nodes is a variable
 * (depth 0, as are registers, memory reads and constants); a net not yet spelled (a forward reference) and a net
 * from another module (an input port, a child's output: Verilator inlines small modules) count as
 * {@code BOUND - 1}, so a sign extension of them reads them twice.
 */
final class SubstitutionDepth {
    /**
     * Single-read sign extensions nested in one substituted expression stay below this. Chosen by measurement
     * (docs/benchmarks.md): 6 lets a 16-row MAC column tree fold whole (2240 instructions per cycle, 4: 2959)
     * and keeps Verilator linear on a 256-deep chain (0.5 s, 64 MB; unbounded, 16 deep: 12 s, 1.7 GB).
     */
    static final int BOUND = 6;

    private final int bound;
    private final ModuleIndex index;
    private final Map<String, Integer> depth = new HashMap<>();
    /** Depth each operand of the node being spelled carries into it, where an extension changed it. */
    private final Map<String, Integer> carriedNow = new HashMap<>();

    SubstitutionDepth(ModuleIndex index) { this(index, BOUND); }

    SubstitutionDepth(ModuleIndex index, int bound) {
        this.bound = bound;
        this.index = index;
    }

    /**
     * Whether the node being spelled should sign-extend {@code net} by {@code k} bits with the single-read
     * spelling, and records the choice. A variable (register, memory read, constant, net with several readers)
     * is never substituted, so only the instructions count: a one-bit copy is cheaper than the shift pair
     * (64-input adder tree: 668 against 972 per cycle) and a wider extension dearer (16×16 MAC array, the
     * multiplier operands: 3112 against 2240). An assigned net read by this node alone is read once while its
     * chain stays below the bound. A port, or a net not yet spelled, is read twice: its depth is unknown.
     */
    boolean signExtendOnce(String net, int k) {
        if (variable(net)) return k > 1;
        int nested = depth.containsKey(net) ? depth.get(net) + 1 : bound;   // ports are never spelled here
        boolean once = nested < bound;
        carriedNow.put(net, Math.max(carriedNow.getOrDefault(net, 0), once ? nested : 0));
        return once;
    }

    /** Records the depth of {@code n} once its expression is spelled; call after each node. */
    void spelled(Node n) {
        int d = 0;
        for (String operand : n.operands()) d = Math.max(d, carriedNow.getOrDefault(operand, carried(operand)));
        depth.put(n.name(), d);
        carriedNow.clear();
    }

    /** The depth {@code net} brings into its reader if Verilator substitutes it there. */
    private int carried(String net) {
        if (variable(net)) return 0;
        return index.node(net) instanceof Node.Input || index.node(net) instanceof Node.InstanceOut
                ? bound - 1 : depth.getOrDefault(net, bound - 1);
    }

    /** A net Verilator keeps as a variable of its own whatever the spelling: it is never substituted. */
    private boolean variable(String net) {
        Node n = index.node(net);
        if (n == null) return false;
        return switch (n.kind()) {
            case REG, MEM_READ, CONST -> true;
            case INPUT, INSTANCE_OUT, OUTPUT, WIRE, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST -> index.readers(net).size() > 1;
        };
    }
}
