package defernorm.cosim.builtin;

import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nets a user may name: input ports (poke and peek), output ports and debug nets (peek), each with the
 * clear error sentence for a name that is not one of them.
 */
final class NetDirectory {
    enum Role { INPUT, OUTPUT, DEBUG }

    record NetRef(String name, Type type, int offset, Role role) {
        int words() { return Words.count(type.width()); }
    }

    private final Map<String, NetRef> inputs = new LinkedHashMap<>();
    private final Map<String, NetRef> peekable = new LinkedHashMap<>();

    NetDirectory(FlatDesign flat, SlotMap slots) {
        for (Node.Input in : flat.inputs()) {
            NetRef r = new NetRef(in.name(), in.type(), slots.offset(in.name()), Role.INPUT);
            inputs.put(in.name(), r);
            peekable.put(in.name(), r);
        }
        for (Node.Output out : flat.outputs()) {
            peekable.put(out.name(), new NetRef(out.name(), out.type(), slots.offset(out.name()), Role.OUTPUT));
        }
        for (String d : flat.debugNets()) {
            if (!slots.has(d)) throw new IllegalArgumentException("debug net '" + d + "' is not a net of the design");
            peekable.putIfAbsent(d, new NetRef(d, slots.type(d), slots.offset(d), Role.DEBUG));
        }
    }

    NetRef input(String name) {
        NetRef r = inputs.get(name);
        if (r != null) return r;
        if (name == null) throw new IllegalArgumentException("the input name must not be null");
        if (name.equals("clk")) {
            throw new IllegalArgumentException("'clk' cannot be poked: step() applies the clock edges");
        }
        NetRef p = peekable.get(name);
        if (p != null) {
            throw new IllegalArgumentException("'" + name + "' is " + (p.role() == Role.OUTPUT ? "an output port" : "a debug net")
                    + " and cannot be poked; only input ports can (" + names(inputs) + ")");
        }
        throw new IllegalArgumentException("the design has no input port named '" + name + "' (its inputs: "
                + names(inputs) + ")");
    }

    NetRef peekable(String name) {
        NetRef r = peekable.get(name);
        if (r != null) return r;
        throw new IllegalArgumentException("the design has no port or debug net named '" + name
                + "'; peek works on ports and nets marked for debug (" + names(peekable) + ")");
    }

    /** The first names of {@code m}, comma-separated, for error messages. */
    private static String names(Map<String, NetRef> m) {
        List<String> all = List.copyOf(m.keySet());
        if (all.size() <= 12) return String.join(", ", all);
        return String.join(", ", all.subList(0, 12)) + ", ... " + (all.size() - 12) + " more";
    }

    List<NetRef> inputs() { return List.copyOf(inputs.values()); }
}
