package defernorm.cosim.builtin;

import defernorm.cosim.support.NetErrors;
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
        if (name.equals("clk")) throw NetErrors.clockIsNotPoked();
        NetRef p = peekable.get(name);
        if (p != null) throw NetErrors.notAnInput(name, p.role() == Role.OUTPUT, List.copyOf(inputs.keySet()));
        throw NetErrors.noSuchInput(name, List.copyOf(inputs.keySet()));
    }

    NetRef peekable(String name) {
        NetRef r = peekable.get(name);
        if (r != null) return r;
        throw NetErrors.noSuchNet(name, List.copyOf(peekable.keySet()));
    }

    List<NetRef> inputs() { return List.copyOf(inputs.values()); }
}
