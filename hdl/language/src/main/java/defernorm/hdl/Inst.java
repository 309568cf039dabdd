package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of a child module inside its parent. Connect every input of the child with {@link #in} (once
 * each, outside any {@code when}); read its outputs with {@link #out}.
 *
 * <pre>{@code
 * Inst m0 = instance("mac0", new Mac(8));
 * m0.in("a", a0).in("b", b0);
 * Signal acc0 = m0.out("acc");
 * }</pre>
 */
public final class Inst {
    final Builder owner;
    final String name;
    final Component child;
    final SourceLoc loc;
    /** Input port name to (driving net, where connected), in connection order. */
    final Map<String, Connection> inputs = new LinkedHashMap<>();
    private final Map<String, Net> outputs = new LinkedHashMap<>();

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
        Net cached = outputs.get(port);
        if (cached != null) return new Signal(cached);
        Net p = childPort(port);
        if (p == null || p.kind != Net.Kind.OUTPUT) {
            owner.error(at, p == null ? "module '" + child.name() + "' has no port '" + port + "'."
                    : "'" + port + "' is an input of module '" + child.name() + "', not an output.");
            return new Signal(owner.constant(BigInteger.ZERO, p == null ? defernorm.hdl.ir.Type.bool() : p.type, at));
        }
        Net n = owner.named(Net.Kind.INSTOUT, name + "_" + port, p.type, at);
        n.inst = this;
        n.port = port;
        outputs.put(port, n);
        return new Signal(n);
    }

    Net childPort(String port) {
        for (Net p : child.b.ports) if (p.name.equals(port)) return p;
        return null;
    }
}
