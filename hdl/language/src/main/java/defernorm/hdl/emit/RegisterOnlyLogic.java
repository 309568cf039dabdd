package defernorm.hdl.emit;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The temporaries that depend on an input and that only registers read, as enables or next values (directly, or
 * through other such temporaries): the emitter spells them inside those registers' clocked blocks ({@code else if
 * (en & _and_c5b3) acc <= ...;}, {@code if (in_accept) in_first <= in_last;}) instead of as {@code assign}s.
 *
 * <p>Why: Verilator 5.006 computes every continuous assign that reads an input in its input-combinational
 * function, which runs on every {@code eval()} (twice a cycle in a harness loop), and again after the edge.
 * Written inside {@code always @(posedge clk)}, the logic runs once, at the edge, as in firtool's output (the
 * matmul top: 1912 → 1663 instructions per cycle, docs/benchmarks.md). Logic of registers alone stays a net:
 * Verilator computes it once a cycle already, and moving it too measured worse (1774).
 *
 * <p>A temporary is moved only when the text cannot change meaning or grow. It is an operator whose spelling reads
 * its operands whole (bitwise and reduction operators, compares, muxes: never a select or an extension, which
 * need a name). Each reader gives it its own width and signedness (an {@code if} condition, a mux select, a
 * reduction, or an operand of the same type as the context). A temporary read several times is copied into each
 * reader (a shared enable such as {@code en & _and_c5b3}), so its own operands then stay nets: a copy is one
 * operator. Nets the user named or marked for debug, outputs, and nets read by memories, instances or checks
 * stay nets.
 *
 * <p>Nesting is bounded ({@link #MAX_NESTING}): a temporary that would sit deeper than that inside its register's
 * expression stays a net. Verilator 5.006's build is superlinear in expression depth (a 1,000-deep chain inlined
 * into one assignment: 27 s, against 0.5 s as nets; 500 deep: 0.07 s).
 *
 * <pre>{@code RegisterOnlyLogic inside = RegisterOnlyLogic.of(index, wrapping::isFolded); inside.contains("_and_635e"); }</pre>
 */
final class RegisterOnlyLogic {
    /** How deep a moved temporary may sit under its register's enable or next value (see the class comment). */
    static final int MAX_NESTING = 64;

    private final Set<String> inside;

    private RegisterOnlyLogic(Set<String> inside) { this.inside = inside; }

    /** @param folded nets already spelled inside their reader by {@link WrappingArithmetic} */
    static RegisterOnlyLogic of(ModuleIndex index, Predicate<String> folded) {
        Set<String> fromInputs = fromInputs(index);
        Set<String> inside = new HashSet<>();
        Map<String, Integer> nesting = new HashMap<>();  // of each moved temporary: 1 = read by the register itself
        // Readers come after their operands in node order (registers are decided up front), so one backward pass
        // decides each net after its readers; a net read before it is defined stays a net.
        List<Node> nodes = index.module().nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            String name = n.name();
            List<Node> rs = index.readers(name);
            if (!temporary(name) || index.isDebug(name) || index.readOutsideNodes(name) || folded.test(name)
                    || !spelledWhole(n) || !fromInputs.contains(name) || rs.isEmpty()) continue;
            boolean allInside = true;
            int depth = 0;
            for (Node r : rs) {
                allInside &= readsInside(r, n, inside, index);
                depth = Math.max(depth, r instanceof Node.Reg ? 1 : nesting.getOrDefault(r.name(), 0) + 1);
            }
            if (allInside && depth <= MAX_NESTING) {
                inside.add(name);
                nesting.put(name, depth);
            }
        }
        return new RegisterOnlyLogic(inside);
    }

    /**
     * The nets that depend combinationally on an input port or a child's output: what Verilator 5.006 computes
     * in its input-combinational function. Logic of registers alone is computed once per cycle after the edge
     * already, and stays a net.
     */
    private static Set<String> fromInputs(ModuleIndex index) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>();
        for (Node n : index.module().nodes()) {
            if (role(n) == Role.INPUT && seen.add(n.name())) work.add(n.name());
        }
        while (!work.isEmpty()) {
            for (Node r : index.readers(work.poll())) {
                if (role(r) == Role.LOGIC && seen.add(r.name())) work.add(r.name());
            }
        }
        return seen;
    }

    private enum Role { INPUT, STATE, LOGIC }

    /** Where a node stands for the walk from the inputs: a source, a stop (state), or logic it goes through. */
    private static Role role(Node n) {
        return switch (n.kind()) {
            case INPUT, INSTANCE_OUT -> Role.INPUT;
            case REG, MEM_READ -> Role.STATE;
            case OUTPUT, WIRE, CONST, UNARY, BINARY, SLICE, CONCAT, MUX, RESIZE, CAST -> Role.LOGIC;
        };
    }

    /**
     * Whether reader {@code r} spells {@code n} inside a clocked block: as a register's enable or as its next value
     * (of its type), or as an operand of a node spelled inside in its own context. A net read several times is
     * copied into each reader, so its readers must be read once each: a copy is then one operator, never a tree.
     */
    private static boolean readsInside(Node r, Node n, Set<String> inside, ModuleIndex index) {
        if (r instanceof Node.Reg reg) return n.name().equals(reg.enable()) || n.type().equals(reg.type());
        return inside.contains(r.name()) && index.readers(r.name()).size() == 1 && ownContext(r, n, index);
    }

    /** Whether {@code net} is spelled inside the clocked block of the register that reads it. */
    boolean contains(String net) { return inside.contains(net); }

    /** The front end names temporaries {@code _<op>_<hash>}; every other name is the user's, kept as a net. */
    private static boolean temporary(String name) { return name.startsWith("_"); }

    /** Operators {@link Expressions} spells with each operand read once, whole. */
    private static boolean spelledWhole(Node n) {
        return switch (n.kind()) {
            case UNARY -> ((Node.Unary) n).op() != Node.UnaryOp.NEG;
            case BINARY -> switch (((Node.Binary) n).op()) {
                case AND, OR, XOR, EQ, NE, LT, LE, GT, GE -> true;
                case ADD, SUB, MUL, SHL, SHR -> false;
            };
            case MUX -> true;
            case INPUT, OUTPUT, WIRE, CONST, SLICE, CONCAT, RESIZE, CAST, REG, MEM_READ, INSTANCE_OUT -> false;
        };
    }

    /**
     * Whether {@code r}, itself spelled inside, reads {@code n} where Verilog gives {@code n} its own width and
     * signedness: a reduction's operand and a mux select are self-determined; an operand of a bitwise operator,
     * a compare or a mux branch takes the width of the other operands, so they must all be of one type.
     */
    private static boolean ownContext(Node r, Node n, ModuleIndex index) {
        return switch (r.kind()) {
            case UNARY -> ((Node.Unary) r).op() != Node.UnaryOp.NOT || n.type().equals(r.type());
            case BINARY -> ownContext((Node.Binary) r, index);
            case MUX -> ownContext((Node.Mux) r, n, index);
            case INPUT, OUTPUT, WIRE, CONST, SLICE, CONCAT, RESIZE, CAST, REG, MEM_READ, INSTANCE_OUT -> false;
        };
    }

    /** Both operands of one type, and the result of it too, or the one-bit result of a compare. */
    private static boolean ownContext(Node.Binary b, ModuleIndex index) {
        Type a = index.node(b.a()).type();
        return a.equals(index.node(b.b()).type()) && (b.type().equals(a) || b.type().equals(Type.bool()) && compare(b.op()));
    }

    /** {@code n} is the select, or both branches are of the mux's type. */
    private static boolean ownContext(Node.Mux x, Node n, ModuleIndex index) {
        return n.name().equals(x.sel())
                || index.node(x.ifTrue()).type().equals(x.type()) && index.node(x.ifFalse()).type().equals(x.type());
    }

    private static boolean compare(Node.BinaryOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            case ADD, SUB, MUL, AND, OR, XOR, SHL, SHR -> false;
        };
    }
}
