package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of a child module inside its parent. The typed way: the child keeps its port handles (fields,
 * or bundles), and {@link #port} gives this instance's side of them: the child's outputs read as signals of
 * the parent (named {@code <instance>_<port>}), its inputs are wires of the parent (same names) that you set,
 * conditionally too, like any wire. A typo is a compile error, not a string that fails at elaboration.
 *
 * <pre>{@code
 * Mac mac = new Mac(8);                       // public final Signal a, b; public final Output acc;
 * Inst m0 = instance("mac0", mac);
 * m0.in(mac.a, a0).in(mac.b, b0);             // m0.port(mac.a).set(a0), ...
 * Signal acc0 = m0.out(mac.acc);
 * Handshake up = m0.port(mac.up);             // a whole bundle: up.valid().set(v); Signal r = up.ready();
 * }</pre>
 *
 * The older string form ({@code in("a", a0)}, {@code out("acc")}) connects inputs directly, once each and
 * outside any {@code when}.
 */
public final class Inst {
    final Builder owner;
    final String name;
    final Component child;
    final SourceLoc loc;
    /** Input port name to (driving net, where connected), in connection order. */
    final Map<String, Connection> inputs = new LinkedHashMap<>();
    private final Map<String, Net> outputs = new LinkedHashMap<>();
    /** Wires made by {@link #port} for the child's inputs, by port name. */
    private final Map<String, Net> inputWires = new LinkedHashMap<>();

    record Connection(Net net, SourceLoc loc) {}

    Inst(Builder owner, String name, Component child, SourceLoc loc) {
        this.owner = owner;
        this.name = name;
        this.child = child;
        this.loc = loc;
    }

    public String name() { return name; }

    /** Connects the child's input {@code port} to {@code value} (same type). */
    public Inst in(String port, Signal value) {
        SourceLoc at = SourceLocator.here();
        Net p = childPort(port);
        if (p == null || p.kind != Net.Kind.INPUT) {
            owner.error(at, p == null ? "module '" + child.name() + "' has no port '" + port + "'."
                    : "'" + port + "' is an output of module '" + child.name() + "', not an input; read it with out().");
            return this;
        }
        if (!owner.owns(value.net, at)) return this;
        if (owner.insideWhen()) {
            owner.error(at, "input '" + port + "' of instance '" + name + "' is connected inside a when; connect "
                    + "instance inputs unconditionally and choose the value with a mux or wire.");
            return this;
        }
        Connection first = inputs.get(port);
        if (first != null) {
            owner.error(at, "input '" + port + "' of instance '" + name + "' is connected twice (first at "
                    + first.loc() + ").");
            return this;
        }
        owner.sameType(p.type, value.type(), at, "connecting input '" + port + "' of instance '" + name + "'");
        inputs.put(port, new Connection(value.net, at));
        return this;
    }

    /** The child's output {@code port}, as a net of the parent named {@code <instance>_<port>}. */
    public Signal out(String port) {
        SourceLoc at = SourceLocator.here();
        Net p = childPort(port);
        if (p == null || p.kind != Net.Kind.OUTPUT) {
            owner.error(at, p == null ? "module '" + child.name() + "' has no port '" + port + "'."
                    : "'" + port + "' is an input of module '" + child.name() + "', not an output.");
            return new Signal(owner.constant(BigInteger.ZERO, p == null ? defernorm.hdl.ir.Type.bool() : p.type, at));
        }
        return outNet(p, at);
    }

    // ---- typed ports ------------------------------------------------------------------------------------------

    /**
     * This instance's side of {@code childPorts}, a port of the child (or a bundle / Vec of its ports), in the
     * same shape: the child's outputs as readable signals, its inputs as settable wires ({@code <instance>_<port>})
     * connected to them. Asking twice gives the same nets.
     */
    public <T> T port(T childPorts) {
        SourceLoc at = SourceLocator.here();
        return Aggregates.rebuild(childPorts, leaf -> view(leaf, at), at);
    }

    /** Connects the child's input {@code childInput} (one of its port handles) to {@code value}: {@code port(childInput).set(value)}. */
    public Inst in(Signal childInput, Signal value) {
        SourceLoc at = SourceLocator.here();
        Signal p = view(childInput, at);
        if (p.net.kind != Net.Kind.WIRE) {
            if (p.net.kind == Net.Kind.INSTOUT) owner.error(at, "'" + childInput.net.name + "' is an output of module '"
                    + child.name() + "', not an input; read it with out().");
            return this;
        }
        owner.assign(p.net, value, at);
        return this;
    }

    /** The child's output {@code childOutput} (one of its port handles) as a net of the parent. */
    public Signal out(Signal childOutput) {
        SourceLoc at = SourceLocator.here();
        Signal p = view(childOutput, at);
        if (p.net.kind == Net.Kind.WIRE) {
            owner.error(at, "'" + childOutput.net.name + "' is an input of module '" + child.name() + "', not an output.");
        }
        return p;
    }

    /** The parent's net for one of the child's ports: its INSTOUT, or the wire driving its input. */
    private Signal view(Signal childPort, SourceLoc at) {
        Net p = childPort.net;
        if (p.owner != child.b || (p.kind != Net.Kind.INPUT && p.kind != Net.Kind.OUTPUT)) {
            owner.error(at, childPort.net.describe() + " is not a port of module '" + child.name() + "' (instance '"
                    + name + "').");
            return new Signal(owner.constant(BigInteger.ZERO, p.type, at));
        }
        if (p.kind == Net.Kind.OUTPUT) return outNet(p, at);
        Net w = inputWires.get(p.name);
        if (w != null) return new Wire(w);
        w = owner.named(Net.Kind.WIRE, name + "_" + p.name, p.type, at);
        w.inst = this;
        w.port = p.name;
        w.flipped = p.flipped;
        w.enumClass = p.enumClass;
        Connection first = inputs.putIfAbsent(p.name, new Connection(w, at));
        if (first != null) {
            owner.error(at, "input '" + p.name + "' of instance '" + name + "' is connected twice (first at "
                    + first.loc() + ").");
        }
        inputWires.put(p.name, w);
        return new Wire(w);
    }

    private Signal outNet(Net p, SourceLoc at) {
        Net cached = outputs.get(p.name);
        if (cached != null) return new Signal(cached);
        Net n = owner.named(Net.Kind.INSTOUT, name + "_" + p.name, p.type, at);
        n.inst = this;
        n.port = p.name;
        n.flipped = p.flipped;
        n.enumClass = p.enumClass;
        outputs.put(p.name, n);
        return new Signal(n);
    }

    Net childPort(String port) {
        for (Net p : child.b.ports) if (p.name.equals(port)) return p;
        return null;
    }
}
