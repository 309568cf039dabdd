package defernorm.hdl;

import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Node.UnaryOp;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import defernorm.hdl.ir.WidthRules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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
 * <p>Result types come from the one table, {@link WidthRules}: {@code plus} → T(max+1), {@code minus} →
 * SInt(max+1), {@code times} → T(a+b), comparisons → Bool (signed for SInt). Arithmetic and comparison operands of
 * the same signedness may differ in width: the narrower one is extended (sign-extended for SInt), which loses
 * nothing. Bitwise operands must match exactly; a signed/unsigned mix is always an error. {@link #set} is exact:
 * never a silent truncation or extension. The {@code long} overloads make a constant of this signal's type.
 */
public class Signal {
    final Net net;

    Signal(Net net) { this.net = net; }

    /** The handle of the right class for {@code n}: an {@link Output}, {@link Wire}, {@link Reg} or plain signal. */
    static Signal of(Net n) {
        return switch (n.kind) {
            case OUTPUT -> new Output(n);
            case WIRE -> new Wire(n);
            case REG -> new Reg(n);
            default -> new Signal(n);
        };
    }

    public Type type() { return net.type; }

    public int width() { return net.type.width(); }

    /** The user's name of this net, or null for an unnamed temporary. */
    public String name() { return net.name; }

    Builder b() { return net.owner; }

    // ---- arithmetic ---------------------------------------------------------------------------------------

    /** {@code this + o}: T(max(a, b) + 1); the narrower operand is extended first (never overflows). */
    public Signal plus(Signal o) { return same(BinaryOp.ADD, "plus", o, SourceLocator.here()); }

    public Signal plus(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.ADD, "plus", k(c, at), at); }

    /** {@code this - o}: SInt(max(a, b) + 1), exact for both signednesses. */
    public Signal minus(Signal o) { return same(BinaryOp.SUB, "minus", o, SourceLocator.here()); }

    public Signal minus(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.SUB, "minus", k(c, at), at); }

    public Signal times(Signal o) { return times(o, SourceLocator.here()); }

    public Signal times(long c) { SourceLoc at = SourceLocator.here(); return times(k(c, at), at); }

    private Signal times(Signal o, SourceLoc at) {
        Type r = WidthRules.result(BinaryOp.MUL, type(), o.type());
        if (!b().owns(o.net, at)) return placeholder(r, at);
        if (WidthRules.operandType(BinaryOp.MUL, type(), o.type()) == null) {
            b().error(at, "times mixes " + type() + " and " + o.type() + "; convert one side with asSigned() or asUnsigned().");
        }
        return new Signal(b().binary(BinaryOp.MUL, r, net, o.net, at));
    }

    public Signal neg() {
        SourceLoc at = SourceLocator.here();
        return new Signal(b().unary(UnaryOp.NEG, WidthRules.result(UnaryOp.NEG, type()), net, at));
    }

    // ---- bitwise --------------------------------------------------------------------------------------------

    public Signal and(Signal o) { return same(BinaryOp.AND, "and", o, SourceLocator.here()); }

    public Signal and(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.AND, "and", k(c, at), at); }

    public Signal or(Signal o) { return same(BinaryOp.OR, "or", o, SourceLocator.here()); }

    public Signal or(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.OR, "or", k(c, at), at); }

    public Signal xor(Signal o) { return same(BinaryOp.XOR, "xor", o, SourceLocator.here()); }

    public Signal xor(long c) { SourceLoc at = SourceLocator.here(); return same(BinaryOp.XOR, "xor", k(c, at), at); }

    public Signal not() { return new Signal(b().not(net, SourceLocator.here())); }

    public Signal andReduce() { return new Signal(b().unary(UnaryOp.AND_REDUCE, WidthRules.result(UnaryOp.AND_REDUCE, type()), net, SourceLocator.here())); }

    public Signal orReduce() { return new Signal(b().unary(UnaryOp.OR_REDUCE, WidthRules.result(UnaryOp.OR_REDUCE, type()), net, SourceLocator.here())); }

    public Signal xorReduce() { return new Signal(b().unary(UnaryOp.XOR_REDUCE, WidthRules.result(UnaryOp.XOR_REDUCE, type()), net, SourceLocator.here())); }

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

    private Signal cmp(BinaryOp op, String what, Signal o, SourceLoc at) { return same(op, what, o, at); }

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

    /**
     * {@code sel ? ifTrue : ifFalse} for two aggregates of one shape (bundle records, Vecs): a mux per field.
     * {@code Handshake h = Signal.mux(useB, a, b);}
     */
    public static <T> T mux(Signal sel, T ifTrue, T ifFalse) {
        SourceLoc at = SourceLocator.here();
        Builder b = sel.b();
        List<Signal> ts = Aggregates.leaves(ifTrue, at), fs = Aggregates.leaves(ifFalse, at);
        if (ts.size() != fs.size()) {
            b.error(at, "mux needs two aggregates of the same shape, but they have " + ts.size() + " and " + fs.size() + " fields.");
            return ifTrue;
        }
        boolean ok = b.isBool(sel.net, at, "the mux select");
        for (int i = 0; ok && i < ts.size(); i++) {
            ok = b.owns(ts.get(i).net, at) && b.owns(fs.get(i).net, at) && b.sameType(ts.get(i).type(), fs.get(i).type(), at, "mux");
        }
        if (!ok) return ifTrue;
        int[] k = {0};
        return Aggregates.rebuild(ifTrue, t -> new Signal(b.mux(sel.net, t.net, fs.get(k[0]++).net, at)), at);
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

    // ---- driving ---------------------------------------------------------------------------------------------

    /**
     * Drives this net with {@code value} of exactly its type: only outputs, wires and registers (also as fields
     * of a {@link Vec} or bundle record, and an instance's inputs seen through {@link Inst#port}) can be set;
     * inside a {@code when} the set is conditional, and later sets win.
     */
    public void set(Signal value) {
        b().assignChecked(net, value, SourceLocator.here());
    }

    // ---- enums ----------------------------------------------------------------------------------------------

    /**
     * True (a Bool) when this enum-typed signal holds {@code value}: {@code state.is(State.IDLE)}. The signal must
     * have been declared with that enum class ({@code reg("state_q", State.class)}).
     */
    public <E extends Enum<E>> Signal is(E value) {
        SourceLoc at = SourceLocator.here();
        Net k = b().enumConstant(value, at);
        b().sameEnum(net, value.getDeclaringClass(), at, "is(" + EnumCodes.spell(value) + ")");
        return new Signal(b().binary(BinaryOp.EQ, Type.bool(), net, k, at));
    }

    /** The enum class this signal was declared with, or null for a plain UInt/SInt. */
    public Class<? extends Enum<?>> enumClass() { return net.enumClass; }

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

    /**
     * A two-operand op under {@link WidthRules}: operands of one signedness are widened to the wider one
     * (arithmetic and comparisons) or must match exactly (bitwise); a mix of signedness is an error.
     */
    private Signal same(BinaryOp op, String what, Signal o, SourceLoc at) {
        if (!b().owns(o.net, at)) return placeholder(WidthRules.result(op, type(), type()), at);
        Type common = WidthRules.operandType(op, type(), o.type());
        if (common == null) {
            b().sameType(type(), o.type(), at, what);
            return new Signal(b().binary(op, WidthRules.result(op, type(), type()), net, o.net, at));
        }
        Net x = widen(net, common, at), y = widen(o.net, common, at);
        return new Signal(b().binary(op, WidthRules.result(op, common, common), x, y, at));
    }

    /** {@code n} extended (sign-extended for SInt) to {@code t}'s width; lossless by construction. */
    private Net widen(Net n, Type t, SourceLoc at) { return n.type.width() == t.width() ? n : b().resize(n, t.width(), at); }

    /** Stands in for the result of an erroneous operation so building can continue. */
    private Signal placeholder(Type t, SourceLoc at) {
        int saved = b().problems.size();
        Net n = b().constant(BigInteger.ZERO, t, at);
        assert b().problems.size() == saved;
        return new Signal(n);
    }
}
