package defernorm.cosim.builtin;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;

/** The IR's node semantics written naively with BigInteger: the oracle the engine is tested against. */
final class Reference {
    private Reference() {}

    /** {@code x} reduced to {@code t}'s width and read with {@code t}'s signedness. */
    static BigInteger wrap(BigInteger x, Type t) {
        BigInteger mod = BigInteger.ONE.shiftLeft(t.width());
        BigInteger r = x.mod(mod);
        if (t.signed() && r.testBit(t.width() - 1)) r = r.subtract(mod);
        return r;
    }

    static BigInteger unary(Node.UnaryOp op, BigInteger a, Type at) {
        BigInteger bits = a.mod(BigInteger.ONE.shiftLeft(at.width()));
        return switch (op) {
            case NOT -> wrap(a.not(), at);
            case NEG -> a.negate();
            case AND_REDUCE -> bits.equals(BigInteger.ONE.shiftLeft(at.width()).subtract(BigInteger.ONE)) ? BigInteger.ONE : BigInteger.ZERO;
            case OR_REDUCE -> bits.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
            case XOR_REDUCE -> BigInteger.valueOf(bits.bitCount() & 1);
        };
    }

    static BigInteger binary(Node.BinaryOp op, BigInteger a, BigInteger b, Type at, Type result) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
            case AND -> wrap(a.and(b), at);
            case OR -> wrap(a.or(b), at);
            case XOR -> wrap(a.xor(b), at);
            case EQ -> bool(a.compareTo(b) == 0);
            case NE -> bool(a.compareTo(b) != 0);
            case LT -> bool(a.compareTo(b) < 0);
            case LE -> bool(a.compareTo(b) <= 0);
            case GT -> bool(a.compareTo(b) > 0);
            case GE -> bool(a.compareTo(b) >= 0);
            case SHL -> b.compareTo(BigInteger.valueOf(at.width())) >= 0 ? BigInteger.ZERO : wrap(a.shiftLeft(b.intValueExact()), at);
            case SHR -> a.shiftRight(b.min(BigInteger.valueOf(at.width() + 1)).intValueExact());
        };
    }

    static BigInteger slice(BigInteger a, int hi, int lo) { return wrap(a.shiftRight(lo), Type.uint(hi - lo + 1)); }

    static BigInteger concat(List<BigInteger> values, List<Type> types) {
        BigInteger r = BigInteger.ZERO;
        for (int i = 0; i < values.size(); i++) {
            Type t = types.get(i);
            r = r.shiftLeft(t.width()).or(wrap(values.get(i), Type.uint(t.width())));
        }
        return r;
    }

    private static BigInteger bool(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }
}
