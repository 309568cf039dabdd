package defernorm.hdl;

import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Node.UnaryOp;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An immutable handle on one net of a module. Every operation checks the width rules at the call, records a
 * problem with the caller's source line if they are broken, and carries on, so that one elaboration reports
 * every problem. Nothing is ever silently truncated or extended.
 *
 * <pre>{@code
 * Signal a = input("a", Type.uint(8)), b = input("b", Type.uint(8));
 * Signal sum = a.plus(b);                         // UInt(9): never overflows
 * Signal low = sum.truncate(8).named("sum_lo");   // explicit narrowing, kept by name in the Verilog
 * Signal big = a.gt(200);                         // Bool; the constant has a's type
 * }</pre>
 *
 * <p>Width rules: {@code plus} T(w)+T(w) → T(w+1); {@code minus} T(w)-T(w) → SInt(w+1); {@code times}
 * T(a)*T(b) → T(a+b); {@code neg} → SInt(w+1); {@code and/or/xor/not} keep the type; comparisons → Bool
 * (signed for SInt); {@code shl(k)} → w+k; {@code shr(k)} → max(1, w-k) (arithmetic for SInt);
 * {@code shl/shr(Signal)} keep the type (bits shifted out are lost); {@code slice} → UInt; {@code bit} →
 * Bool; {@code cat} → UInt. Operands of two-operand ops must have identical types (except {@code times},
 * whose widths may differ). The {@code long} overloads make a constant of this signal's type.
 */
public class Signal {
    final Net net;

    Signal(Net net) { this.net = net; }

    public Type type() { return net.type; }

    public int width() { return net.type.width(); }

    /** The user's name of this net, or null for an unnamed temporary. */
    public String name() { return net.name; }

    Builder b() { return net.owner; }

    // ---- arithmetic ---------------------------------------------------------------------------------------

    public Signal plus(Signal o) { return same(BinaryOp.ADD, "plus", o, SourceLocator.here(), t -> new Type(t.width() + 1, t.signed())); }

    public Signal plus(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.ADD, "plus", k(c, at), at, t -> new Type(t.width() + 1, t.signed())); }

    public Signal minus(Signal o) { return same(BinaryOp.SUB, "minus", o, SourceLocator.here(), t -> Type.sint(t.width() + 1)); }

    public Signal minus(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.SUB, "minus", k(c, at), at, t -> Type.sint(t.width() + 1)); }

    public Signal times(Signal o) { return times(o, SourceLocator.here()); }

    public Signal times(long c) { SourceLoc at = SourceLocator.here(); return times(k(c, at), at); }

    private Signal times(Signal o, SourceLoc at) {
        Type r = new Type(width() + o.width(), type().signed());
        if (!b().owns(o.net, at)) return placeholder(r, at);
        if (type().signed() != o.type().signed()) {
            b().error(at, "times mixes " + type() + " and " + o.type() + "; convert one side with asSigned() or asUnsigned().");
        }
        return new Signal(b().binary(BinaryOp.MUL, r, net, o.net, at));
    }

    public Signal neg() {
        SourceLoc at = SourceLocator.here();
        return new Signal(b().unary(UnaryOp.NEG, Type.sint(width() + 1), net, at));
    }

    // ---- bitwise --------------------------------------------------------------------------------------------

    public Signal and(Signal o) { return same(BinaryOp.AND, "and", o, SourceLocator.here(), t -> t); }

    public Signal and(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.AND, "and", k(c, at), at, t -> t); }

    public Signal or(Signal o) { return same(BinaryOp.OR, "or", o, SourceLocator.here(), t -> t); }

    public Signal or(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.OR, "or", k(c, at), at, t -> t); }

    public Signal xor(Signal o) { return same(BinaryOp.XOR, "xor", o, SourceLocator.here(), t -> t); }

    public Signal xor(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.XOR, "xor", k(c, at), at, t -> t); }

    public Signal not() { return new Signal(b().not(net, SourceLocator.here())); }

    public Signal andReduce() { return new Signal(b().unary(UnaryOp.AND_REDUCE, Type.bool(), net, SourceLocator.here())); }

    public Signal orReduce() { return new Signal(b().unary(UnaryOp.OR_REDUCE, Type.bool(), net, SourceLocator.here())); }

    public Signal xorReduce() { return new Signal(b().unary(UnaryOp.XOR_REDUCE, Type.bool(), net, SourceLocator.here())); }

    // ---- comparisons ----------------------------------------------------------------------------------------

    public Signal eq(Signal o) { return cmp(BinaryOp.EQ, "eq", o, SourceLocator.here()); }
    public Signal ne(Signal o) { return cmp(BinaryOp.NE, "ne", o, SourceLocator.here()); }
    public Signal lt(Signal o) { return cmp(BinaryOp.LT, "lt", o, SourceLocator.here()); }
    public Signal le(Signal o) { return cmp(BinaryOp.LE, "le", o, SourceLocator.here()); }
    public Signal gt(Signal o) { return cmp(BinaryOp.GT, "gt", o, SourceLocator.here()); }
    public Signal ge(Signal o) { return cmp(BinaryOp.GE, "ge", o, SourceLocator.here()); }

    public Signal eq(long c) { SourceLoc at = SourceLocator.here(); return cmp(BinaryOp.EQ, "eq", k(c, at), at); }
    public Signal ne(long c) { SourceLoc at = SourceLocator.here(); return cmp(BinaryOp.NE, "ne", k(c, at), at); }
    public Signal lt(long c) { SourceLoc at = SourceLocator.here(); return cmp(BinaryOp.LT, "lt", k(c, at), at); }
    public Signal le(long c) { SourceLoc at = SourceLocator.here(); return cmp(BinaryOp.LE, "le", k(c, at), at); }
    public Signal gt(long c) { SourceLoc at = SourceLocator.here(); return cmp(BinaryOp.GT, "gt", k(c, at), at); }
    public Signal ge(long c) { SourceLoc at = SourceLocator.here(); return cmp(BinaryOp.GE, "ge", k(c, at), at); }

    private Signal cmp(BinaryOp op, String what, Signal o, SourceLoc at) { return same(op, what, o, at, t -> Type.bool()); }

    // ---- shifts ---------------------------------------------------------------------------------------------

    /** Shift left by a constant: lossless, width w+k (zeros shifted in). */
    public Signal shl(int k) {
        SourceLoc at = SourceLocator.here();
        if (k < 0) { b().error(at, "shl needs a shift of at least 0, not " + k + "."); return this; }
        if (k == 0) return this;
        Net zeros = b().constant(BigInteger.ZERO, Type.uint(k), at);
        Net cat = b().concat(List.of(net, zeros), at);
        return new Signal(type().signed() ? b().cast(cat, true, at) : cat);
    }

    /** Shift right by a constant: width max(1, w-k); arithmetic (floor) for SInt, logical for UInt. */
    public Signal shr(int k) {
        SourceLoc at = SourceLocator.here();
        if (k < 0) { b().error(at, "shr needs a shift of at least 0, not " + k + "."); return this; }
        if (k == 0) return this;
        if (k >= width() && !type().signed()) return new Signal(b().constant(BigInteger.ZERO, Type.uint(1), at));
        int lo = Math.min(k, width() - 1);
        Net s = b().slice(net, width() - 1, lo, at);
        return new Signal(type().signed() ? b().cast(s, true, at) : s);
    }

    /** Shift left by a UInt amount; keeps the type, bits shifted out are dropped. */
    public Signal shl(Signal amount) { return shiftBy(BinaryOp.SHL, "shl", amount, SourceLocator.here()); }

    /** Shift right by a UInt amount; keeps the type (arithmetic for SInt). */
    public Signal shr(Signal amount) { return shiftBy(BinaryOp.SHR, "shr", amount, SourceLocator.here()); }

    private Signal shiftBy(BinaryOp op, String what, Signal amount, SourceLoc at) {
        if (!b().owns(amount.net, at)) return placeholder(type(), at);
        if (amount.type().signed()) b().error(at, what + " needs a UInt shift amount, but got " + amount.type() + ".");
        return new Signal(b().binary(op, type(), net, amount.net, at));
    }

    // ---- bit fields -----------------------------------------------------------------------------------------

    /** Bits {@code hi..lo} (inclusive) as a UInt(hi-lo+1). */
    public Signal slice(int hi, int lo) { return slice(hi, lo, SourceLocator.here(), "slice(" + hi + ", " + lo + ")"); }

    /** Bit {@code i} as a Bool. */
    public Signal bit(int i) { return slice(i, i, SourceLocator.here(), "bit(" + i + ")"); }

    private Signal slice(int hi, int lo, SourceLoc at, String what) {
        if (lo < 0 || hi < lo || hi >= width()) {
            b().error(at, what + " is out of range for " + type() + " (bits " + (width() - 1) + "..0).");
            return placeholder(Type.uint(Math.max(1, hi - lo + 1)), at);
        }
        return new Signal(b().slice(net, hi, lo, at));
    }

    /** Concatenation, most significant part first; the result is a UInt of the summed width. */
    public static Signal cat(Signal... msbFirst) {
        SourceLoc at = SourceLocator.here();
        if (msbFirst.length == 0) throw new HdlException(Diagnostic.error(at, "cat needs at least one signal."));
        Builder b = msbFirst[0].b();
        List<Net> args = new ArrayList<>();
        for (Signal s : msbFirst) if (b.owns(s.net, at)) args.add(s.net);
        if (args.size() == 1 && !msbFirst[0].type().signed()) return msbFirst[0];
        return new Signal(b.concat(args, at));
    }

    /** {@code sel ? ifTrue : ifFalse}; {@code sel} is a Bool and both arms have the same type. */
    public static Signal mux(Signal sel, Signal ifTrue, Signal ifFalse) {
        SourceLoc at = SourceLocator.here();
        Builder b = sel.b();
        boolean ok = b.isBool(sel.net, at, "the mux select");
        ok &= b.owns(ifTrue.net, at) && b.owns(ifFalse.net, at);
        if (ok) b.sameType(ifTrue.type(), ifFalse.type(), at, "mux");
        return new Signal(b.mux(sel.net, ifTrue.net, ifFalse.net, at));
    }

    // ---- width and sign changes --------------------------------------------------------------------------

    /** Extends (sign-extending an SInt) or truncates to {@code w} bits. */
    public Signal resize(int w) {
        SourceLoc at = SourceLocator.here();
        if (w < 1) { b().error(at, "resize needs a width of at least 1, not " + w + "."); return this; }
        return w == width() ? this : new Signal(b().resize(net, w, at));
    }

    /** Keeps the low {@code w} bits ({@code w <= width()}); the signedness is kept. */
    public Signal truncate(int w) {
        SourceLoc at = SourceLocator.here();
        if (w < 1 || w > width()) {
            b().error(at, "truncate(" + w + ") needs a width between 1 and " + width() + " for " + type()
                    + "; use extend to widen.");
            return placeholder(new Type(Math.max(1, w), type().signed()), at);
        }
        return w == width() ? this : new Signal(b().resize(net, w, at));
    }

    /** Widens to {@code w >= width()} bits: sign-extends an SInt, zero-extends a UInt. */
    public Signal extend(int w) {
        SourceLoc at = SourceLocator.here();
        if (w < width()) {
            b().error(at, "extend(" + w + ") cannot narrow " + type() + "; use truncate to narrow.");
            return placeholder(new Type(Math.max(1, w), type().signed()), at);
        }
        return w == width() ? this : new Signal(b().resize(net, w, at));
    }

    /** The same bits read as an SInt of the same width. */
    public Signal asSigned() {
        return type().signed() ? this : new Signal(b().cast(net, true, SourceLocator.here()));
    }

    /** The same bits read as a UInt of the same width. */
    public Signal asUnsigned() {
        return type().signed() ? new Signal(b().cast(net, false, SourceLocator.here())) : this;
    }

    // ---- naming ---------------------------------------------------------------------------------------------

    /**
     * Gives this signal a user name, kept verbatim in the Verilog. A temporary is renamed in place; an already
     * named net (port, register, wire...) gets a new wire of that name.
     */
    public Signal named(String name) {
        SourceLoc at = SourceLocator.here();
        if (net.name == null && net.kind.temporary()) {
            net.name = name;
            net.nameLoc = at;
            return this;
        }
        return new Signal(b().alias(name, net, at));
    }

    @Override public String toString() { return net.describe() + " : " + type(); }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Signal k(long c, SourceLoc at) { return new Signal(b().constant(BigInteger.valueOf(c), type(), at)); }

    private Signal same(BinaryOp op, String what, Signal o, SourceLoc at, UnaryOperator<Type> result) {
        if (!b().owns(o.net, at)) return placeholder(result.apply(type()), at);
        b().sameType(type(), o.type(), at, what);
        return new Signal(b().binary(op, result.apply(type()), net, o.net, at));
    }

    /** Stands in for the result of an erroneous operation so building can continue. */
    private Signal placeholder(Type t, SourceLoc at) {
        int saved = b().problems.size();
        Net n = b().constant(BigInteger.ZERO, t, at);
        assert b().problems.size() == saved;
        return new Signal(n);
    }
}
