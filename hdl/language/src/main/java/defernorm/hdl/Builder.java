package defernorm.hdl;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recording state behind one {@link Component}: its nets in creation order, the statement tree of its body,
 * memories, instances, and the problems found while building. Problems are collected, never thrown, so one
 * run reports them all.
 */
final class Builder {
    final Component module;
    final String name;
    final SourceLoc loc;
    final List<Net> nets = new ArrayList<>();
    final List<Net> ports = new ArrayList<>();
    final List<Mem> memories = new ArrayList<>();
    final List<Inst> instances = new ArrayList<>();
    final List<Net> debug = new ArrayList<>();
    final List<CheckDecl> checks = new ArrayList<>();
    final List<Diagnostic> problems = new ArrayList<>();
    /** Switches over enum-typed signals, checked for missing cases when the module is elaborated. */
    final List<SwitchChain> enumSwitches = new ArrayList<>();
    /** One named constant per enum value used in this module (e.g. {@code State_IDLE}), made on first use. */
    private final Map<Enum<?>, Net> enumConstants = new HashMap<>();
    final Stmt.Block root = new Stmt.Block(true);
    private final Deque<Frame> frames = new ArrayDeque<>();

    /** An assertion or cover point as declared: {@code enable} is the when-path condition (null: always). */
    record CheckDecl(Check.Kind kind, String name, Net condition, Net enable, String message, SourceLoc loc) {}

    /** An open when/switch arm: the block being filled and how it was reached (for memory write guards). */
    record Frame(Frame parent, Stmt.Chain chain, int arm, Stmt.Block block) {}

    Builder(Component module, String name, SourceLoc loc) {
        this.module = module;
        this.name = name;
        this.loc = loc;
    }

    // ---- problems -------------------------------------------------------------------------------------

    void error(SourceLoc at, String message) { problems.add(Diagnostic.error(at, message)); }

    void warning(SourceLoc at, String message) { problems.add(Diagnostic.warning(at, message)); }

    /** True if {@code n} belongs to this module; otherwise records the cross-module error. */
    boolean owns(Net n, SourceLoc at) {
        if (n.owner == this) return true;
        error(at, n.describe() + " belongs to module '" + n.owner.name + "' and cannot be used in module '"
                + name + "'; pass it through a port.");
        return false;
    }

    /** True if {@code n} is a Bool (UInt(1)) of this module; otherwise records why not. */
    boolean isBool(Net n, SourceLoc at, String what) {
        if (!owns(n, at)) return false;
        if (n.type.equals(Type.bool())) return true;
        error(at, what + " must be a Bool (UInt(1)), but " + n.describe() + " is " + n.type + ".");
        return false;
    }

    /** True if {@code actual} is exactly {@code expected}; otherwise records a sign or width problem. */
    boolean sameType(Type expected, Type actual, SourceLoc at, String what) {
        if (expected.equals(actual)) return true;
        if (expected.signed() != actual.signed()) {
            error(at, what + " mixes " + expected + " and " + actual
                    + "; convert one side with asSigned() or asUnsigned().");
        } else {
            error(at, what + " needs the same width on both sides, but got " + expected + " and " + actual
                    + "; use resize, extend or truncate.");
        }
        return false;
    }

    // ---- nets -------------------------------------------------------------------------------------------

    Net net(Net.Kind kind, Type type, SourceLoc at) {
        Net n = new Net(this, kind, type, at, nets.size());
        nets.add(n);
        return n;
    }

    Net named(Net.Kind kind, String name, Type type, SourceLoc at) {
        Net n = net(kind, type, at);
        n.name = name;
        n.nameLoc = at;
        return n;
    }

    Net port(Net.Kind kind, String name, Type type, SourceLoc at) {
        Net n = named(kind, name, type, at);
        ports.add(n);
        return n;
    }

    /** A constant; out of range is an error (and the constant becomes 0 so building can go on). */
    Net constant(BigInteger value, Type type, SourceLoc at) {
        Net n = net(Net.Kind.CONST, type, at);
        n.value = fits(value, type, at) ? value : BigInteger.ZERO;
        return n;
    }

    /** True if {@code value} is representable in {@code type}; otherwise records the error. */
    boolean fits(BigInteger value, Type type, SourceLoc at) {
        if (inRange(value, type)) return true;
        error(at, "constant " + value + " does not fit " + type + " (range " + min(type) + ".." + max(type) + ").");
        return false;
    }

    /** True if {@code value} is representable in {@code type}. */
    static boolean inRange(BigInteger value, Type type) {
        if (value.signum() >= 0 && value.bitLength() < type.width()) return true;   // the common case, without allocating
        return value.compareTo(min(type)) >= 0 && value.compareTo(max(type)) <= 0;
    }

    private static BigInteger min(Type type) {
        return type.signed() ? BigInteger.ONE.shiftLeft(type.width() - 1).negate() : BigInteger.ZERO;
    }

    private static BigInteger max(Type type) {
        return (type.signed() ? BigInteger.ONE.shiftLeft(type.width() - 1) : BigInteger.ONE.shiftLeft(type.width()))
                .subtract(BigInteger.ONE);
    }

    Net unary(Node.UnaryOp op, Type type, Net arg, SourceLoc at) {
        Net n = net(Net.Kind.UNARY, type, at);
        n.unaryOp = op;
        n.args = List.of(arg);
        return n;
    }

    Net binary(Node.BinaryOp op, Type type, Net a, Net b, SourceLoc at) {
        Net n = net(Net.Kind.BINARY, type, at);
        n.binaryOp = op;
        n.args = List.of(a, b);
        return n;
    }

    Net slice(Net arg, int hi, int lo, SourceLoc at) {
        Net n = net(Net.Kind.SLICE, Type.uint(hi - lo + 1), at);
        n.args = List.of(arg);
        n.hi = hi;
        n.lo = lo;
        return n;
    }

    Net concat(List<Net> args, SourceLoc at) {
        int w = args.stream().mapToInt(a -> a.type.width()).sum();
        Net n = net(Net.Kind.CONCAT, Type.uint(Math.max(1, w)), at);
        n.args = List.copyOf(args);
        return n;
    }

    Net mux(Net sel, Net ifTrue, Net ifFalse, SourceLoc at) {
        Net n = net(Net.Kind.MUX, ifTrue.type, at);
        n.args = List.of(sel, ifTrue, ifFalse);
        if (ifTrue.enumClass == ifFalse.enumClass) n.enumClass = ifTrue.enumClass;
        return n;
    }

    Net resize(Net arg, int width, SourceLoc at) {
        Net n = net(Net.Kind.RESIZE, new Type(width, arg.type.signed()), at);
        n.args = List.of(arg);
        return n;
    }

    Net cast(Net arg, boolean signed, SourceLoc at) {
        Net n = net(Net.Kind.CAST, new Type(arg.type.width(), signed), at);
        n.args = List.of(arg);
        return n;
    }

    Net and(Net a, Net b, SourceLoc at) { return binary(Node.BinaryOp.AND, a.type, a, b, at); }

    Net not(Net a, SourceLoc at) { return unary(Node.UnaryOp.NOT, a.type, a, at); }

    /** A wire named {@code name}, driven unconditionally by {@code source} (whatever block is open). */
    Net alias(String name, Net source, SourceLoc at) {
        Net w = named(Net.Kind.WIRE, name, source.type, at);
        root.directSets.put(w, at);
        root.stmts.add(new Stmt.Set(w, source, at));
        return w;
    }

    /** {@code target := value} if the target is an output, wire or register; otherwise records why not. */
    void assignChecked(Net target, Signal value, SourceLoc at) {
        if (!target.kind.assignable()) {
            error(at, target.describe() + " cannot be set; only outputs, wires and registers can.");
            return;
        }
        assign(target, value, at);
    }

    /** Checks and records {@code target := value} for a wire, output or register. */
    void assign(Net target, Signal value, SourceLoc at) {
        if (!owns(value.net, at)) return;
        if (!owns(target, at)) return;
        // The message only when the types differ: this runs for every set the user writes.
        boolean ok = target.type.equals(value.type()) || sameType(target.type, value.type(), at, "setting " + target.describe());
        if (ok && target.enumClass != null && value.net.enumClass != null && target.enumClass != value.net.enumClass) {
            error(at, "setting " + target.describe() + " needs a " + target.enumClass.getSimpleName() + ", but got a "
                    + value.net.enumClass.getSimpleName() + ".");
        }
        set(target, value.net, at);
    }

    // ---- enums ------------------------------------------------------------------------------------------

    /** The constant for {@code value}, named {@code Enum_VALUE} so the Verilog reads like the Java. */
    Net enumConstant(Enum<?> value, SourceLoc at) {
        Net k = enumConstants.get(value);
        if (k != null) return k;
        Class<? extends Enum<?>> cls = EnumCodes.classOf(value);
        k = named(Net.Kind.CONST, EnumCodes.spell(value).replace('.', '_'), EnumCodes.type(cls), at);
        k.value = java.math.BigInteger.valueOf(value.ordinal());
        k.enumClass = cls;
        enumConstants.put(value, k);
        return k;
    }

    /** True if {@code n} is of enum {@code cls}; otherwise records why not. */
    boolean sameEnum(Net n, Class<?> cls, SourceLoc at, String what) {
        if (n.enumClass == cls) return true;
        error(at, what + " needs a " + cls.getSimpleName() + " signal, but " + n.describe() + " is "
                + (n.enumClass == null ? n.type.toString() : "a " + n.enumClass.getSimpleName()) + ".");
        return false;
    }

    // ---- statements -------------------------------------------------------------------------------------

    Stmt.Block currentBlock() { return frames.isEmpty() ? root : frames.peek().block(); }

    boolean insideWhen() { return !frames.isEmpty(); }

    /** Records {@code target := value} in the current block; a second set in the same block is an error. */
    void set(Net target, Net value, SourceLoc at) {
        Stmt.Block block = currentBlock();
        SourceLoc first = block.directSets.putIfAbsent(target, at);
        if (first != null) {
            error(at, target.describe() + " is set twice " + (block.root ? "unconditionally" : "in the same when block")
                    + " (first at " + first + "); use when/otherwise to choose between values.");
            return;
        }
        block.stmts.add(new Stmt.Set(target, value, at));
    }

    /** Runs {@code body} as arm {@code arm} (or -1: otherwise) of {@code chain}. */
    void runArm(Stmt.Chain chain, int arm, Stmt.Block block, Runnable body) {
        frames.push(new Frame(frames.peek(), chain, arm, block));
        try {
            body.run();
        } finally {
            frames.pop();
        }
    }

    /** The condition under which the current block runs, or null at the top level. */
    Net pathCondition(SourceLoc at) { return pathCondition(frames.peek(), at); }

    private Net pathCondition(Frame f, SourceLoc at) {
        if (f == null) return null;
        Net cond = pathCondition(f.parent(), at);
        int taken = f.arm() < 0 ? f.chain().arms.size() : f.arm();
        for (int j = 0; j < taken; j++) {
            Net notJ = not(f.chain().arms.get(j).cond(), at);
            cond = cond == null ? notJ : and(cond, notJ, at);
        }
        if (f.arm() >= 0) {
            Net c = f.chain().arms.get(f.arm()).cond();
            cond = cond == null ? c : and(cond, c, at);
        }
        return cond;
    }
}
