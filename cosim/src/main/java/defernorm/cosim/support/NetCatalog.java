package defernorm.cosim.support;

import defernorm.hdl.emit.CheckBlock;
import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Instance;
import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nets of a design a simulation exposes, the same for every engine: the implicit {@code rst} (for a
 * clocked top), the top's inputs, its outputs, every debug net of the hierarchy ({@code inst.net} below the
 * top), then every cover point's hit counter. The index of an entry is its place in this order (the
 * Verilator protocol's net index). Names resolve with one clear sentence for a name that is not there.
 *
 * <pre>{@code
 * NetCatalog nets = new NetCatalog(design);
 * NetCatalog.Entry en = nets.input("en");        // throws, naming the inputs there are, for a typo
 * Type t = nets.peekable("u_core.acc").type();
 * }</pre>
 */
public final class NetCatalog {
    /** What an entry is, which decides what may be done with it. */
    public enum Kind {
        /** A top-level input port (including the implicit {@code rst}); may be poked. */
        INPUT,
        /** A top-level output port. */
        OUTPUT,
        /** A net the user marked for debug, anywhere in the hierarchy; read-only. */
        DEBUG,
        /** The 64-bit hit counter of a cover point (not a net of the design's logic); read through coverage. */
        COVER
    }

    /**
     * One exposed net.
     *
     * @param name      a port name, {@code inst.sub.net} for a debug net, {@code inst.sub.point} for a cover point
     * @param path      the instance path of the module holding it (empty for the top)
     * @param module    the module that declares it
     * @param localName its name inside that module's Verilog
     */
    public record Entry(int index, String name, Type type, Kind kind, List<String> path, String module, String localName) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> peekable = new LinkedHashMap<>();
    private final boolean clocked;

    public NetCatalog(Design design) {
        ModuleIr top = design.topModule();
        clocked = design.isClocked(top.name());
        if (clocked) add("rst", Type.bool(), Kind.INPUT, List.of(), top.name(), "rst");
        for (Node.Input in : top.inputs()) add(in.name(), in.type(), Kind.INPUT, List.of(), top.name(), in.name());
        for (Node.Output out : top.outputs()) add(out.name(), out.type(), Kind.OUTPUT, List.of(), top.name(), out.name());
        walk(design, top, List.of(), false);
        walk(design, top, List.of(), true);
    }

    /** Adds the debug nets (or the cover points) of {@code m} at {@code path} and below, depth first. */
    private void walk(Design design, ModuleIr m, List<String> path, boolean covers) {
        String prefix = path.isEmpty() ? "" : String.join(".", path) + ".";
        if (covers) {
            for (Check c : m.checks()) {
                if (c.kind() == Check.Kind.COVER) {
                    add(prefix + c.name(), Type.uint(64), Kind.COVER, path, m.name(), CheckBlock.coverRegister(c.name()));
                }
            }
        } else {
            for (String d : m.debug()) {
                if (!peekable.containsKey(prefix + d)) add(prefix + d, typeOf(m, d), Kind.DEBUG, path, m.name(), d);
            }
        }
        for (Instance i : m.instances()) {
            List<String> child = new ArrayList<>(path);
            child.add(i.name());
            walk(design, design.module(i.module()).orElseThrow(), List.copyOf(child), covers);
        }
    }

    private void add(String name, Type type, Kind kind, List<String> path, String module, String localName) {
        Entry e = new Entry(entries.size(), name, type, kind, path, module, localName);
        entries.add(e);
        if (kind != Kind.COVER) peekable.putIfAbsent(name, e);
    }

    private static Type typeOf(ModuleIr m, String net) {
        return m.nodes().stream().filter(n -> n.name().equals(net)).map(Node::type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "module " + m.name() + " marks " + net + " for debug but has no such net"));
    }

    /** Every entry, in index order. */
    public List<Entry> all() { return List.copyOf(entries); }

    /** The cover-point counters, in design order. */
    public List<Entry> covers() { return entries.stream().filter(e -> e.kind() == Kind.COVER).toList(); }

    /** Whether the top has {@code clk}/{@code rst}. */
    public boolean clocked() { return clocked; }

    /** The port or debug net called {@code name}, or an IllegalArgumentException listing the names there are. */
    public Entry peekable(String name) {
        Entry e = peekable.get(name);
        if (e == null) throw NetErrors.noSuchNet(name, namesForMessages(false));
        return e;
    }

    /** The names a message lists: the user's inputs, then the implicit {@code rst}, then the other nets. */
    private List<String> namesForMessages(boolean inputsOnly) {
        List<String> names = new ArrayList<>();
        for (Entry e : peekable.values()) if (e.kind() == Kind.INPUT && !(clocked && e.index() == 0)) names.add(e.name());
        if (clocked) names.add("rst");
        if (!inputsOnly) for (Entry e : peekable.values()) if (e.kind() != Kind.INPUT) names.add(e.name());
        return names;
    }

    /** The input called {@code name}, or an IllegalArgumentException saying why it cannot be poked. */
    public Entry input(String name) {
        Entry e = name == null ? null : peekable.get(name);
        if (e != null && e.kind() == Kind.INPUT) return e;
        if (name == null) throw new IllegalArgumentException("the input name must not be null");
        List<String> inputs = namesForMessages(true);
        if ("clk".equals(name)) throw NetErrors.clockIsNotPoked();
        if (e == null) throw NetErrors.noSuchInput(name, inputs);
        throw NetErrors.notAnInput(name, e.kind() == Kind.OUTPUT, inputs);
    }
}
