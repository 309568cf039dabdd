package defernorm.hdl.ir;

import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Node.UnaryOp;

/**
 * The one table of width rules: which operand types an operation accepts and the type of its result. The
 * front end ({@code defernorm.hdl.Signal}) and the random design generator both ask it, so the rules exist once.
 *
 * <pre>{@code
 * WidthRules.operandType(BinaryOp.ADD, Type.sint(17), Type.sint(16));  // SInt(17): the narrower one is sign-extended
 * WidthRules.result(BinaryOp.ADD, Type.sint(17), Type.sint(17));       // SInt(18)
 * }</pre>
 *
 * <table>
 * <caption>Results (the IR's operands, after any widening)</caption>
 * <tr><th>op</th><th>operands</th><th>result</th></tr>
 * <tr><td>ADD</td><td>T(w), T(w)</td><td>T(w+1)</td></tr>
 * <tr><td>SUB</td><td>T(w), T(w)</td><td>SInt(w+1)</td></tr>
 * <tr><td>MUL</td><td>T(a), T(b)</td><td>T(a+b)</td></tr>
 * <tr><td>AND, OR, XOR</td><td>T(w), T(w)</td><td>T(w)</td></tr>
 * <tr><td>EQ .. GE</td><td>T(w), T(w)</td><td>Bool</td></tr>
 * <tr><td>SHL, SHR</td><td>T(w), UInt(k)</td><td>T(w)</td></tr>
 * <tr><td>NOT / NEG / reductions</td><td>T(w)</td><td>T(w) / SInt(w+1) / Bool</td></tr>
 * </table>
 */
public final class WidthRules {
    private WidthRules() {}

    /**
     * True if {@code op} widens the narrower of two operands of the same signedness (lossless: zero- or
     * sign-extension) instead of rejecting the pair: arithmetic and comparisons do, bitwise ops do not
     * (a width mismatch there is almost always a mistake).
     */
    public static boolean widens(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, EQ, NE, LT, LE, GT, GE -> true;
            case MUL, AND, OR, XOR, SHL, SHR -> false;
        };
    }

    /**
     * The type both operands of {@code op} are brought to, or null if {@code a} and {@code b} cannot be
     * operands of {@code op} (mixed signedness; different widths for an op that does not widen). For MUL and
     * the shifts, which take operands of different widths, this is {@code a}.
     */
    public static Type operandType(BinaryOp op, Type a, Type b) {
        return switch (op) {
            case SHL, SHR -> b.signed() ? null : a;
            case MUL -> a.signed() == b.signed() ? a : null;
            case ADD, SUB, AND, OR, XOR, EQ, NE, LT, LE, GT, GE -> {
                if (a.signed() != b.signed()) yield null;
                if (a.width() == b.width()) yield a;
                yield widens(op) ? new Type(Math.max(a.width(), b.width()), a.signed()) : null;
            }
        };
    }

    /** The result type of {@code op} on IR operands {@code a} and {@code b} (already of the operand types). */
    public static Type result(BinaryOp op, Type a, Type b) {
        return switch (op) {
            case ADD -> new Type(a.width() + 1, a.signed());
            case SUB -> Type.sint(a.width() + 1);
            case MUL -> new Type(a.width() + b.width(), a.signed());
            case AND, OR, XOR, SHL, SHR -> a;
            case EQ, NE, LT, LE, GT, GE -> Type.bool();
        };
    }

    /** The result type of {@code op} on an operand of type {@code a}. */
    public static Type result(UnaryOp op, Type a) {
        return switch (op) {
            case NOT -> a;
            case NEG -> Type.sint(a.width() + 1);
            case AND_REDUCE, OR_REDUCE, XOR_REDUCE -> Type.bool();
        };
    }
}
