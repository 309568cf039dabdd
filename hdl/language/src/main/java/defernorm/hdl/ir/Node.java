package defernorm.hdl.ir;

import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One net of a flat module netlist. The IR is a small closed set of node kinds; every node defines exactly
 * one named net of a fixed {@link Type}, and refers to the nets it reads by name. Cycles are only allowed
 * through {@link Reg} and {@link MemRead} (both are clocked).
 *
 * <p>Clock and reset are implicit: every clocked node uses the module's {@code clk} and the synchronous,
 * active-high {@code rst}.
 *
 * <p>Width rules are enforced by the builder before a node is made; the IR itself only states them:
 * operands of {@link Binary} arithmetic, bitwise and comparison ops have identical types, and each
 * node's {@code type} is the result type documented on its op.
 *
 * <p>Code that depends on a node's kind is an exhaustive {@code switch}, so that a new kind does not compile
 * until every such place handles it: a pattern switch over this sealed interface ({@link #mapNames}), or, on
 * the path every elaboration and emission runs, a switch expression over {@link #kind()} (see {@link Kind}).
 */
public sealed interface Node
        permits Node.Input, Node.Output, Node.Wire, Node.Const, Node.Unary, Node.Binary, Node.Slice,
                Node.Concat, Node.Mux, Node.Resize, Node.Cast, Node.Reg, Node.MemRead, Node.InstanceOut {

    String name();
    Type type();
    SourceLoc loc();

    /** Names of the nets this node reads, in a fixed order. */
    List<String> operands();

    /** Which of the records this node is: {@code switch (n.kind())} is exhaustive over the IR like a pattern switch. */
    Kind kind();

    /**
     * The node kinds, one per record. A switch expression over them is checked for exhaustiveness as a pattern
     * switch over {@code Node} is, but costs nothing at its first run: a pattern switch call site bootstraps a
     * generated class the first time it runs (about 1 ms each in a cold JVM, and 10–15 ms for the first one,
     * which loads the class-file generator), which is paid on every cold elaboration (docs/benchmarks.md). The
     * elaborator's and emitter's own passes switch on this; the rest of the code base uses pattern switches.
     *
     * <pre>{@code
     * boolean state = switch (n.kind()) {
     *     case REG, MEM_READ -> true;
     *     case INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST, INSTANCE_OUT -> false;
     * };
     * }</pre>
     */
    enum Kind { INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST, REG, MEM_READ, INSTANCE_OUT }

    /**
     * This node with its own name and every net (or memory, or instance) name it refers to passed through
     * {@code rename}; a null reference (an absent enable) stays null. The one per-kind rebuild of the IR: a
     * new node kind is a compile error here until it is handled.
     *
     * <pre>{@code Node inChild = node.mapNames(n -> "u_mac." + n);   // hierarchical names }</pre>
     */
    default Node mapNames(UnaryOperator<String> rename) {
        UnaryOperator<String> r = n -> n == null ? null : rename.apply(n);
        return switch (this) {
            case Input x -> new Input(r.apply(x.name()), x.type(), x.loc());
            case Output x -> new Output(r.apply(x.name()), x.type(), r.apply(x.source()), x.loc());
            case Wire x -> new Wire(r.apply(x.name()), x.type(), r.apply(x.source()), x.loc());
            case Const x -> new Const(r.apply(x.name()), x.type(), x.value(), x.loc());
            case Unary x -> new Unary(r.apply(x.name()), x.type(), x.op(), r.apply(x.arg()), x.loc());
            case Binary x -> new Binary(r.apply(x.name()), x.type(), x.op(), r.apply(x.a()), r.apply(x.b()), x.loc());
            case Slice x -> new Slice(r.apply(x.name()), x.type(), r.apply(x.arg()), x.hi(), x.lo(), x.loc());
            case Concat x -> new Concat(r.apply(x.name()), x.type(), x.args().stream().map(r).toList(), x.loc());
            case Mux x -> new Mux(r.apply(x.name()), x.type(), r.apply(x.sel()), r.apply(x.ifTrue()), r.apply(x.ifFalse()), x.loc());
            case Resize x -> new Resize(r.apply(x.name()), x.type(), r.apply(x.arg()), x.loc());
            case Cast x -> new Cast(r.apply(x.name()), x.type(), r.apply(x.arg()), x.loc());
            case Reg x -> new Reg(r.apply(x.name()), x.type(), r.apply(x.next()), r.apply(x.enable()), x.reset(), x.loc());
            case MemRead x -> new MemRead(r.apply(x.name()), x.type(), r.apply(x.memory()), r.apply(x.addr()), r.apply(x.enable()), x.loc());
            case InstanceOut x -> new InstanceOut(r.apply(x.name()), x.type(), r.apply(x.instance()), x.port(), x.loc());
        };
    }

    /** This node created at {@code at} instead (e.g. {@link SourceLoc#UNKNOWN}, to compare netlists). */
    default Node withLoc(SourceLoc at) {
        return switch (this) {
            case Input x -> new Input(x.name(), x.type(), at);
            case Output x -> new Output(x.name(), x.type(), x.source(), at);
            case Wire x -> new Wire(x.name(), x.type(), x.source(), at);
            case Const x -> new Const(x.name(), x.type(), x.value(), at);
            case Unary x -> new Unary(x.name(), x.type(), x.op(), x.arg(), at);
            case Binary x -> new Binary(x.name(), x.type(), x.op(), x.a(), x.b(), at);
            case Slice x -> new Slice(x.name(), x.type(), x.arg(), x.hi(), x.lo(), at);
            case Concat x -> new Concat(x.name(), x.type(), x.args(), at);
            case Mux x -> new Mux(x.name(), x.type(), x.sel(), x.ifTrue(), x.ifFalse(), at);
            case Resize x -> new Resize(x.name(), x.type(), x.arg(), at);
            case Cast x -> new Cast(x.name(), x.type(), x.arg(), at);
            case Reg x -> new Reg(x.name(), x.type(), x.next(), x.enable(), x.reset(), at);
            case MemRead x -> new MemRead(x.name(), x.type(), x.memory(), x.addr(), x.enable(), at);
            case InstanceOut x -> new InstanceOut(x.name(), x.type(), x.instance(), x.port(), at);
        };
    }

    /** What the node is, in words, for messages: "register", "wire", "add", "mux", ... */
    default String describeKind() {
        return switch (this) {
            case Input _ -> "input";
            case Output _ -> "output";
            case Wire _ -> "wire";
            case Const _ -> "constant";
            case Unary x -> x.op().name().toLowerCase(java.util.Locale.ROOT);
            case Binary x -> x.op().name().toLowerCase(java.util.Locale.ROOT);
            case Slice _ -> "slice";
            case Concat _ -> "concat";
            case Mux _ -> "mux";
            case Resize _ -> "resize";
            case Cast _ -> "cast";
            case Reg _ -> "register";
            case MemRead _ -> "memory read";
            case InstanceOut _ -> "instance output";
        };
    }

    /** True for the clocked kinds ({@link Reg}, {@link MemRead}), which hold state and break combinational paths. */
    default boolean isClocked() {
        return switch (kind()) {
            case REG, MEM_READ -> true;
            case INPUT, OUTPUT, WIRE, CONST, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST, INSTANCE_OUT -> false;
        };
    }

    /** A module input port. */
    record Input(String name, Type type, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.INPUT; }
        public List<String> operands() { return List.of(); }
    }

    /** A module output port, driven by {@code source} (same type). */
    record Output(String name, Type type, String source, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.OUTPUT; }
        public List<String> operands() { return List.of(source); }
    }

    /** A net the user named, driven by {@code source} (same type). Kept by name in the Verilog. */
    record Wire(String name, Type type, String source, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.WIRE; }
        public List<String> operands() { return List.of(source); }
    }

    /** A constant. {@code value} is the mathematical value; it fits {@code type}. */
    record Const(String name, Type type, BigInteger value, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.CONST; }
        public List<String> operands() { return List.of(); }
    }

    enum UnaryOp {
        /** Bitwise not; same type. */ NOT,
        /** Two's complement negation; SInt(w) -> SInt(w+1), UInt(w) -> SInt(w+1). */ NEG,
        /** Reduction and/or/xor; -> UInt(1). */ AND_REDUCE, OR_REDUCE, XOR_REDUCE
    }

    record Unary(String name, Type type, UnaryOp op, String arg, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.UNARY; }
        public List<String> operands() { return List.of(arg); }
    }

    enum BinaryOp {
        /** T(w) + T(w) -> T(w+1): never overflows. */ ADD,
        /** T(w) - T(w) -> SInt(w+1): exact for both signednesses. */ SUB,
        /** T(a) * T(b) -> T(a+b). Operands may differ in width, not in signedness. */ MUL,
        /** Bitwise; same type. */ AND, OR, XOR,
        /** Comparisons of equal types; -> UInt(1). Signed compare for SInt. */ EQ, NE, LT, LE, GT, GE,
        /** Shift by a UInt amount, result keeps the left operand's type: bits shifted out are dropped. */ SHL,
        /** Shift right by a UInt amount; arithmetic for SInt, logical for UInt; same type. */ SHR
    }

    record Binary(String name, Type type, BinaryOp op, String a, String b, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.BINARY; }
        public List<String> operands() { return List.of(a, b); }
    }

    /** Bits {@code hi..lo} of {@code arg}; -> UInt(hi-lo+1). */
    record Slice(String name, Type type, String arg, int hi, int lo, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.SLICE; }
        public List<String> operands() { return List.of(arg); }
    }

    /** Concatenation, most significant part first; -> UInt(sum of widths). */
    record Concat(String name, Type type, List<String> args, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.CONCAT; }
        public Concat { args = List.copyOf(args); }
        public List<String> operands() { return args; }
    }

    /** {@code sel ? ifTrue : ifFalse}; {@code sel} is UInt(1), both arms have {@code type}. */
    record Mux(String name, Type type, String sel, String ifTrue, String ifFalse, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.MUX; }
        public List<String> operands() { return List.of(sel, ifTrue, ifFalse); }
    }

    /**
     * Width change with the argument's signedness: sign-extends an SInt, zero-extends a UInt, or keeps the
     * low bits when narrowing. Only ever made by an explicit user call (resize / truncate / extend).
     */
    record Resize(String name, Type type, String arg, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.RESIZE; }
        public List<String> operands() { return List.of(arg); }
    }

    /** Reinterprets the bits of {@code arg} with the other signedness; same width. */
    record Cast(String name, Type type, String arg, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.CAST; }
        public List<String> operands() { return List.of(arg); }
    }

    /**
     * A register clocked by {@code clk}. On a rising edge: if {@code rst} is high and {@code reset} is not
     * null, it loads {@code reset}; otherwise, if {@code enable} is null or high, it loads {@code next}.
     */
    record Reg(String name, Type type, String next, String enable, BigInteger reset, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.REG; }
        public List<String> operands() {
            return enable == null ? List.of(next) : List.of(next, enable);
        }
    }

    /**
     * A synchronous read port of {@code memory}: on a rising edge with {@code enable} null or high, the
     * word at {@code addr} is loaded into this net. A read of the address being written in the same cycle
     * returns the old word (read-first).
     */
    record MemRead(String name, Type type, String memory, String addr, String enable, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.MEM_READ; }
        public List<String> operands() {
            return enable == null ? List.of(addr) : List.of(addr, enable);
        }
    }

    /** The output {@code port} of child {@code instance}, seen as a net of this module. */
    record InstanceOut(String name, Type type, String instance, String port, SourceLoc loc) implements Node {
        public Kind kind() { return Kind.INSTANCE_OUT; }
        public List<String> operands() { return List.of(); }
    }
}
