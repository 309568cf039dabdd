package defernorm.hdl.emit;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import static defernorm.hdl.emit.VerilogSyntax.bit;
import static defernorm.hdl.emit.VerilogSyntax.literal;
import static defernorm.hdl.emit.VerilogSyntax.part;
import static defernorm.hdl.emit.VerilogSyntax.repeat;

/**
 * The right-hand side of the one {@code assign} that drives a combinational node, or, for a node spelled inside
 * its register's clocked block ({@link RegisterOnlyLogic}), the expression its reader writes in its place, in
 * parentheses. Every operand is widened explicitly to the result width first, so no expression relies on
 * Verilog's context-determined widths (Verilator -Wall sees no WIDTH warning, and the meaning does not change if
 * the text is reused).
 */
final class Expressions {
    private final ModuleIndex index;
    private final SubstitutionDepth depth;
    private final WrappingArithmetic wrapping;
    private final RegisterOnlyLogic inside;
    /** The expressions of the nodes spelled inside a clocked block, by name, as spelled so far. */
    private final Map<String, String> insideText = new HashMap<>();

    /**
     * @param index    the module's nets
     * @param depth    the module's substitution depths; {@link #of} must be called in node order
     * @param wrapping the truncations spelled as the arithmetic they truncate, at their own width
     * @param inside   the nodes spelled inside their reader rather than read by name
     */
    Expressions(ModuleIndex index, SubstitutionDepth depth, WrappingArithmetic wrapping, RegisterOnlyLogic inside) {
        this.index = index;
        this.depth = depth;
        this.wrapping = wrapping;
        this.inside = inside;
    }

    /**
     * What a register's clocked block writes for {@code net}: its expression when it is spelled inside (after
     * {@link #of} has spelled it), else its name.
     */
    String reference(String net) { return insideText.getOrDefault(net, net); }

    /** An operand read whole: its name, or its expression in parentheses when spelled inside. */
    private String operand(String net) {
        String text = insideText.get(net);
        return text == null ? net : "(" + text + ")";
    }

    private Type t(String net) {
        Node n = index.node(net);
        if (n == null) throw new IllegalArgumentException("net '" + net + "' is read but never defined in the IR");
        return n.type();
    }

    /** The expression for {@code n}; only for nodes driven by an assign (not ports in, regs, memory reads). */
    String of(Node n) {
        Node inner = wrapping.foldedInto(n);
        if (inner != null) {   // the truncated operation, computed at the truncation's width
            String rhs = lowBits(inner, n.type().width());
            depth.spelled(inner);
            depth.spelled(n);
            return rhs;
        }
        String rhs = spell(n);
        depth.spelled(n);
        if (inside.contains(n.name())) insideText.put(n.name(), rhs);
        return rhs;
    }

    private String spell(Node n) {
        return switch (n.kind()) {
            case OUTPUT -> ((Node.Output) n).source();
            case WIRE -> ((Node.Wire) n).source();
            case CONST -> literal(((Node.Const) n).value(), n.type());
            case UNARY -> unary((Node.Unary) n);
            case BINARY -> binary((Node.Binary) n);
            case SLICE -> slice((Node.Slice) n);
            case CONCAT -> "{" + String.join(", ", ((Node.Concat) n).args()) + "}";
            case MUX -> mux((Node.Mux) n);
            case RESIZE -> resize((Node.Resize) n);
            case CAST -> (n.type().signed() ? "$signed(" : "$unsigned(") + ((Node.Cast) n).arg() + ")";
            case INPUT, REG, MEM_READ, INSTANCE_OUT -> throw notAssign(n);
        };
    }

    private String slice(Node.Slice s) { return part(s.arg(), t(s.arg()).width(), s.hi(), s.lo()); }

    private String mux(Node.Mux m) { return operand(m.sel()) + " ? " + operand(m.ifTrue()) + " : " + operand(m.ifFalse()); }

    /** {@code net} extended by {@code k} bits, reading it once where that keeps Verilator's substitution bounded. */
    private String extend(String net, Type t, int k) {
        return VerilogSyntax.extend(net, t, k, k > 0 && t.signed() && depth.signExtendOnce(net, k));
    }

    private static IllegalArgumentException notAssign(Node n) {
        return new IllegalArgumentException("node '" + n.name() + "' is not driven by an assign");
    }

    private String unary(Node.Unary u) {
        return switch (u.op()) {
            case NOT -> "~" + operand(u.arg());
            case NEG -> lowBits(u, u.type().width());   // UInt or SInt (w) -> SInt(w+1): exact
            case AND_REDUCE -> "&" + operand(u.arg());
            case OR_REDUCE -> "|" + operand(u.arg());
            case XOR_REDUCE -> "^" + operand(u.arg());
        };
    }

    private String binary(Node.Binary b) {
        Type ta = t(b.a()), tb = t(b.b());
        return switch (b.op()) {
            case ADD, SUB, MUL -> lowBits(b, b.type().width());
            case AND -> operand(b.a()) + " & " + operand(b.b());
            case OR -> operand(b.a()) + " | " + operand(b.b());
            case XOR -> operand(b.a()) + " ^ " + operand(b.b());
            case EQ -> operand(b.a()) + " == " + operand(b.b());
            case NE -> operand(b.a()) + " != " + operand(b.b());
            case LT -> compare(b, ta, "<");
            case LE -> compare(b, ta, "<=");
            case GT -> compare(b, ta, ">");
            case GE -> compare(b, ta, ">=");
            case SHL, SHR -> shift(b, ta, tb);
        };
    }

    /**
     * The low {@code w} bits of an add, subtract, multiply or negation: each operand (at most {@code w} bits)
     * widened to {@code w} with its signedness, then the {@code w}-bit operation, which wraps. At the node's own
     * width that is its exact result; at a truncation's width ({@link WrappingArithmetic}) the truncated one.
     */
    private String lowBits(Node n, int w) {
        // Widened to w, the bit pattern is the same signed or unsigned.
        if (n instanceof Node.Unary u && u.op() == Node.UnaryOp.NEG) return "-" + widened(u.arg(), w);
        if (n instanceof Node.Binary b && b.op() == Node.BinaryOp.ADD) return widened(b.a(), w) + " + " + widened(b.b(), w);
        if (n instanceof Node.Binary b && b.op() == Node.BinaryOp.SUB) return widened(b.a(), w) + " - " + widened(b.b(), w);
        // Also for MUL: the low w bits of a w×w-bit product do not depend on signedness, so it is written
        // unsigned (Verilator 5.006 turns a signed one into VL_MULS_III, which re-extends both operands).
        if (n instanceof Node.Binary b && b.op() == Node.BinaryOp.MUL) {
            return unsignedOperand(b.a(), t(b.a()), w) + " * " + unsignedOperand(b.b(), t(b.b()), w);
        }
        throw new IllegalArgumentException("node '" + n.name() + "' is not an add, subtract, multiply or negation");
    }

    /** {@code net} extended to {@code w} bits with its signedness. */
    private String widened(String net, int w) { return extend(net, t(net), w - t(net).width()); }

    /**
     * A shift whose amount is never wider than needed to say "the whole width": an amount of {@code k} bits
     * with {@code 2^k > W} is split into its low {@code s} bits (enough for {@code W}) and a test of the high
     * bits that saturates the result. Verilator 5.006 mis-shifts by amounts wider than 64 bits (its
     * {@code VL_SHIFTL_QQW} helpers wrap at 64) and refuses constant amounts wider than 32 bits; Icarus, Yosys
     * and the built-in engine agree with the saturated form.
     */
    private static String shift(Node.Binary b, Type ta, Type tb) {
        int w = ta.width(), k = tb.width();
        int s = Type.bitsFor(w);   // bits that can hold the amount w
        String op = b.op() == Node.BinaryOp.SHL ? " << " : ta.signed() ? " >>> " : " >> ";
        String lhs = b.op() == Node.BinaryOp.SHR && ta.signed() ? "$signed(" + b.a() + ")" : b.a();
        if (k <= s) return lhs + op + b.b();
        String saturated = b.op() == Node.BinaryOp.SHR && ta.signed()
                // every bit a copy of the sign; $signed keeps the ?: signed, else >>> would turn logical
                ? "$signed(" + repeat(w, bit(b.a(), w, w - 1)) + ")"
                : literal(BigInteger.ZERO, ta);
        String high = k - s == 1 ? bit(b.b(), k, s) : "(|" + part(b.b(), k, k - 1, s) + ")";
        return high + " ? " + saturated + " : " + lhs + op + part(b.b(), k, s - 1, 0);
    }

    /** {@code net} extended to {@code w} bits as an unsigned operand (an extension is a concatenation: unsigned). */
    private String unsignedOperand(String net, Type t, int w) {
        return w == t.width() && t.signed() ? "$unsigned(" + net + ")" : extend(net, t, w - t.width());
    }

    private String compare(Node.Binary b, Type ta, String op) {
        String a = operand(b.a()), c = operand(b.b());
        return ta.signed() ? "$signed(" + a + ") " + op + " $signed(" + c + ")" : a + " " + op + " " + c;
    }

    private String resize(Node.Resize r) {
        Type a = t(r.arg());
        int w = r.type().width();
        if (w >= a.width()) return extend(r.arg(), a, w - a.width());
        return part(r.arg(), a.width(), w - 1, 0);
    }
}
