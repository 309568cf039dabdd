package defernorm.cosim.random;

import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.Memory;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;
import defernorm.hdl.ir.WidthRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ModuleIr} directly as IR records, computing each node's result type from the one table of
 * width rules, {@link WidthRules}. For generated and hand-made test designs; temporaries are named {@code n0, _n1, n2, _n3, ...}: every
 * other one carries the leading underscore of the HDL's own unnamed temporaries, which the emitter may
 * spell differently (a truncated add folded into a wrapping add, see {@code WrappingArithmetic}), so random
 * designs exercise both spellings.
 * It trusts its caller on operand types: it does not run the HDL's design-rule checks.
 *
 * <pre>{@code
 * ModuleBuilder m = new ModuleBuilder("adder");
 * String a = m.input("a", Type.uint(8)), b = m.input("b", Type.uint(8));
 * m.output("y", m.binary(Node.BinaryOp.ADD, a, b));   // y is UInt(9)
 * ModuleIr ir = m.build();
 * }</pre>
 */
public final class ModuleBuilder {
    private final String name;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, Node.Reg> regs = new LinkedHashMap<>();
    private final Map<String, Node.Wire> forwardWires = new LinkedHashMap<>();
    private final List<Memory> memories = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();
    private final List<String> debug = new ArrayList<>();
    private int temp;

    public ModuleBuilder(String name) { this.name = name; }

    public String name() { return name; }

    public Type type(String net) {
        Type t = types.get(net);
        if (t == null) throw new IllegalArgumentException("module " + name + " has no net '" + net + "'");
        return t;
    }

    /** Every net defined so far, in order. */
    public List<String> nets() { return nodes.stream().map(Node::name).toList(); }

    public String input(String net, Type t) { return add(new Node.Input(net, t, loc())); }

    public String output(String net, String source) { return add(new Node.Output(net, type(source), source, loc())); }

    public String wire(String net, String source) { return add(new Node.Wire(net, type(source), source, loc())); }

    /** Declares a wire of type {@code t} whose source is given later with {@link #connectWire}. */
    public String forwardWire(String net, Type t) {
        Node.Wire w = new Node.Wire(net, t, null, loc());
        forwardWires.put(net, w);
        return add(w);
    }

    public void connectWire(String wire, String source) {
        Node.Wire w = forwardWires.get(wire);
        if (!w.type().equals(type(source))) {
            throw new IllegalArgumentException("wire '" + wire + "' is " + w.type() + " but '" + source + "' is " + type(source));
        }
        forwardWires.put(wire, new Node.Wire(w.name(), w.type(), source, w.loc()));
    }

    public String constant(Type t, long value) { return constant(t, BigInteger.valueOf(value)); }

    public String constant(Type t, BigInteger value) { return add(new Node.Const(fresh(), t, value, loc())); }

    public String unary(Node.UnaryOp op, String a) {
        return add(new Node.Unary(fresh(), WidthRules.result(op, type(a)), op, a, loc()));
    }

    /** {@code a op b}; the operands must already have the types {@link WidthRules#operandType} asks for. */
    public String binary(Node.BinaryOp op, String a, String b) {
        return add(new Node.Binary(fresh(), WidthRules.result(op, type(a), type(b)), op, a, b, loc()));
    }

    public String slice(String a, int hi, int lo) { return add(new Node.Slice(fresh(), Type.uint(hi - lo + 1), a, hi, lo, loc())); }

    public String concat(String... args) { return concat(Arrays.asList(args)); }

    public String concat(List<String> args) {
        int w = args.stream().mapToInt(a -> type(a).width()).sum();
        return add(new Node.Concat(fresh(), Type.uint(w), args, loc()));
    }

    public String mux(String sel, String ifTrue, String ifFalse) {
        return add(new Node.Mux(fresh(), type(ifTrue), sel, ifTrue, ifFalse, loc()));
    }

    /** Sign- or zero-extends, or truncates, keeping the signedness. */
    public String resize(String a, int width) {
        return add(new Node.Resize(fresh(), new Type(width, type(a).signed()), a, loc()));
    }

    /** The same bits with the other signedness. */
    public String cast(String a) {
        Type at = type(a);
        return add(new Node.Cast(fresh(), new Type(at.width(), !at.signed()), a, loc()));
    }

    /** Declares a register; connect its next value (and enable) later with {@link #connect}. */
    public String reg(String net, Type t, BigInteger reset) {
        Node.Reg r = new Node.Reg(net, t, null, null, reset, loc());
        regs.put(net, r);
        return add(r);
    }

    public void connect(String reg, String next, String enable) {
        Node.Reg r = regs.get(reg);
        regs.put(reg, new Node.Reg(r.name(), r.type(), next, enable, r.reset(), r.loc()));
    }

    /** A register loading {@code next} every cycle (when {@code enable} is null or high). */
    public String reg(String net, String next, String enable, BigInteger reset) {
        String r = reg(net, type(next), reset);
        connect(r, next, enable);
        return r;
    }

    public void memory(String mem, int width, int depth, List<BigInteger> init, String wrEnable, String wrAddr, String wrData) {
        memories.add(new Memory(mem, width, depth, init, wrEnable, wrAddr, wrData, loc()));
    }

    public String memRead(String net, String mem, boolean signed, String addr, String enable) {
        Memory m = memories.stream().filter(x -> x.name().equals(mem)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("module " + name + " has no memory '" + mem + "'"));
        return add(new Node.MemRead(net, new Type(m.width(), signed), mem, addr, enable, loc()));
    }

    /** Instantiates {@code child}; {@code inputs} maps each child input port to a net here. Returns port -> net. */
    public Map<String, String> instance(String inst, ModuleIr child, Map<String, String> inputs) {
        List<Instance.Connection> conns = new ArrayList<>();
        inputs.forEach((port, net) -> conns.add(new Instance.Connection(port, net)));
        instances.add(new Instance(inst, child.name(), conns, loc()));
        Map<String, String> outs = new LinkedHashMap<>();
        for (Node.Output o : child.outputs()) {
            outs.put(o.name(), add(new Node.InstanceOut(inst + "_" + o.name(), o.type(), inst, o.name(), loc())));
        }
        return outs;
    }

    public void debug(String net) { debug.add(net); }

    public ModuleIr build() {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            if (n instanceof Node.Reg r) out.add(regs.get(r.name()));
            else if (n instanceof Node.Wire w && forwardWires.containsKey(w.name())) out.add(forwardWires.get(w.name()));
            else out.add(n);
        }
        for (Node.Wire w : forwardWires.values()) {
            if (w.source() == null) throw new IllegalStateException("wire '" + w.name() + "' has no source");
        }
        for (Node.Reg r : regs.values()) {
            if (r.next() == null) throw new IllegalStateException("register '" + r.name() + "' has no next value");
        }
        return new ModuleIr(name, out, memories, instances, debug, loc());
    }

    private String add(Node n) {
        if (types.putIfAbsent(n.name(), n.type()) != null) {
            throw new IllegalArgumentException("module " + name + " already has a net '" + n.name() + "'");
        }
        nodes.add(n);
        return n.name();
    }

    private String fresh() {
        String n;
        do {
            n = (temp % 2 == 0 ? "n" : "_n") + temp;
            temp++;
        } while (types.containsKey(n));
        return n;
    }

    private static SourceLoc loc() { return SourceLoc.UNKNOWN; }
}
