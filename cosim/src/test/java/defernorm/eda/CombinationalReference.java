package defernorm.eda;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent BigInteger evaluation of a combinational module, straight from the node semantics in the
 * IR's Javadoc, to check that the emitted Verilog means the same thing. Values are mathematical (an SInt
 * is negative when its sign bit is set).
 */
final class CombinationalReference {
    private CombinationalReference() {}

    static Map<String, BigInteger> eval(ModuleIr m, Map<String, BigInteger> inputs) {
        Map<String, Node> byName = new HashMap<>();
        for (Node n : m.nodes()) byName.put(n.name(), n);
        Map<String, BigInteger> v = new HashMap<>(inputs);
        for (Node n : m.nodes()) value(n.name(), byName, v);
        return v;
    }

    static BigInteger wrap(BigInteger x, Type t) {
        BigInteger bits = pattern(x, t.width());
        return t.signed() && bits.testBit(t.width() - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(t.width())) : bits;
    }

    static BigInteger pattern(BigInteger x, int width) {
        return x.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    private static BigInteger value(String net, Map<String, Node> byName, Map<String, BigInteger> v) {
        BigInteger known = v.get(net);
        if (known != null) return known;
        Node n = byName.get(net);
        List<BigInteger> a = n.operands().stream().map(o -> value(o, byName, v)).toList();
        BigInteger r = compute(n, a, byName);
        v.put(net, wrap(r, n.type()));
        return v.get(net);
    }

    private static BigInteger compute(Node n, List<BigInteger> a, Map<String, Node> byName) {
        Type t = n.type();
        if (n instanceof Node.Output || n instanceof Node.Wire) return a.get(0);
        if (n instanceof Node.Const c) return c.value();
        if (n instanceof Node.Unary u) {
            int w = byName.get(u.arg()).type().width();
            BigInteger p = pattern(a.get(0), w);
            return switch (u.op()) {
                case NOT -> a.get(0).not();
                case NEG -> a.get(0).negate();
                case AND_REDUCE -> p.bitCount() == w ? BigInteger.ONE : BigInteger.ZERO;
                case OR_REDUCE -> p.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
                case XOR_REDUCE -> BigInteger.valueOf(p.bitCount() & 1);
            };
        }
        if (n instanceof Node.Binary b) {
            BigInteger x = a.get(0), y = a.get(1);
            return switch (b.op()) {
                case ADD -> x.add(y);
                case SUB -> x.subtract(y);
                case MUL -> x.multiply(y);
                case AND -> x.and(y);
                case OR -> x.or(y);
                case XOR -> x.xor(y);
                case EQ -> bool(x.compareTo(y) == 0);
                case NE -> bool(x.compareTo(y) != 0);
                case LT -> bool(x.compareTo(y) < 0);
                case LE -> bool(x.compareTo(y) <= 0);
                case GT -> bool(x.compareTo(y) > 0);
                case GE -> bool(x.compareTo(y) >= 0);
                case SHL -> x.shiftLeft(y.intValueExact());
                case SHR -> x.shiftRight(y.intValueExact());   // floor: arithmetic for SInt, logical for UInt
            };
        }
        if (n instanceof Node.Slice s) return pattern(a.get(0).shiftRight(s.lo()), s.hi() - s.lo() + 1);
        if (n instanceof Node.Concat c) {
            BigInteger r = BigInteger.ZERO;
            for (int i = 0; i < a.size(); i++) {
                int w = byName.get(c.args().get(i)).type().width();
                r = r.shiftLeft(w).or(pattern(a.get(i), w));
            }
            return r;
        }
        if (n instanceof Node.Mux) return a.get(0).signum() != 0 ? a.get(1) : a.get(2);
        if (n instanceof Node.Resize) return a.get(0);   // wrap() keeps the low bits with the result's signedness
        if (n instanceof Node.Cast c) return pattern(a.get(0), t.width());
        throw new IllegalArgumentException("not combinational: " + n);
    }

    private static BigInteger bool(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }
}
