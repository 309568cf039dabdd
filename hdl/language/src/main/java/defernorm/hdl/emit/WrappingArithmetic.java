package defernorm.hdl.emit;

import defernorm.hdl.ir.Node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the truncations that the emitter spells as a wrapping operation of their own width: the low {@code w}
 * bits ({@link Node.Resize} narrowing, or {@link Node.Slice} {@code [w-1:0]}) of an add, subtract, multiply or
 * negation whose operands are at most {@code w} bits wide. The low {@code w} bits of such a result depend only on
 * the low {@code w} bits of the operands extended to {@code w}, so {@code assign s = a + b;} with 32-bit
 * {@code a}, {@code b} and {@code s} is exact for either signedness, and the wider net is never declared.
 *
 * <p>Why: Verilator 5.006 keeps a 33-bit sum in a 64-bit variable and cannot fold a chain of such sums; the
 * 16×16 MAC array whose columns add row after row into 32 bits ran at 0.38× the speed of the hand-written
 * Verilog's wrapping 32-bit adds (docs/benchmarks.md, "Emitted Verilog under Verilator").
 *
 * <p>Why here and not as an IR rewrite: the IR's arithmetic never overflows ({@code T(w) + T(w) -> T(w+1)}), which
 * the built-in engine, the checks and the width rules rely on. A wrapping add would be a new IR operation all of
 * them must learn for what is only a way of writing the same bits in Verilog.
 *
 * <p>Only a generated temporary (named {@code _...}) read by the truncation alone is folded: a net the user named
 * or marked for debug stays in the Verilog under its name, and one read elsewhere (another node, a memory port, a
 * child's input, a check) is needed whole.
 */
final class WrappingArithmetic {
    /** The arithmetic node each folded truncation spells, by the truncation's name. */
    private final Map<String, Node> inner = new HashMap<>();
    private final Set<String> folded = new HashSet<>();

    WrappingArithmetic(ModuleIndex index) {
        for (Node n : index.module().nodes()) {
            int w = n.type().width();
            String arg = lowBitsOf(n);
            Node a = arg == null ? null : index.node(arg);
            if (a == null || a.type().width() <= w || !wraps(a)) continue;
            if (!a.name().startsWith("_") || index.isDebug(arg) || index.reads(arg) != 1) continue;
            boolean narrowOperands = true;
            for (String op : a.operands()) narrowOperands &= index.node(op) != null && index.node(op).type().width() <= w;
            if (!narrowOperands) continue;
            inner.put(n.name(), a);
            folded.add(arg);
        }
    }

    /** The net whose low bits {@code n} is (a resize, which may narrow, or a slice from bit 0), else null. */
    private static String lowBitsOf(Node n) {
        return switch (n.kind()) {
            case RESIZE -> ((Node.Resize) n).arg();
            case SLICE -> ((Node.Slice) n).lo() == 0 ? ((Node.Slice) n).arg() : null;
            case INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, CONCAT, MUX, CAST, REG, MEM_READ, INSTANCE_OUT -> null;
        };
    }

    /** The operations whose low {@code w} bits depend only on the low {@code w} bits of their operands. */
    private static boolean wraps(Node n) {
        return switch (n.kind()) {
            case BINARY -> switch (((Node.Binary) n).op()) {
                case ADD, SUB, MUL -> true;
                case AND, OR, XOR, EQ, NE, LT, LE, GT, GE, SHL, SHR -> false;
            };
            case UNARY -> ((Node.Unary) n).op() == Node.UnaryOp.NEG;
            case INPUT, OUTPUT, WIRE, CONST, SLICE, CONCAT, MUX, RESIZE, CAST, REG, MEM_READ, INSTANCE_OUT -> false;
        };
    }

    /** The add, subtract, multiply or negation that truncation {@code n} spells at its own width, or null. */
    Node foldedInto(Node n) { return inner.get(n.name()); }

    /** Whether {@code net} is spelled inside the truncation that reads it, so it is neither declared nor assigned. */
    boolean isFolded(String net) { return folded.contains(net); }
}
