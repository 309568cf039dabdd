package defernorm.cosim.verilator;

import defernorm.cosim.support.NetCatalog;
import defernorm.hdl.ir.Design;
import java.util.List;

/**
 * The design's {@link NetCatalog} as the harness sees it: each entry with Verilator's scope of the module
 * holding it ({@code TOP.Top.inst.sub}), in protocol index order. The catalog does the naming and the
 * error sentences, as for the built-in engine.
 */
final class NetTable {
    private final NetCatalog catalog;
    private final List<NetSpec> nets;

    NetTable(Design design) {
        catalog = new NetCatalog(design);
        String topScope = "TOP." + design.top();
        nets = catalog.all().stream().map(e -> new NetSpec(e.index(), e.name(), e.type(), e.kind(),
                e.path().isEmpty() ? topScope : topScope + "." + String.join(".", e.path()), e.module(), e.localName()))
                .toList();
    }

    List<NetSpec> all() { return nets; }

    /** The cover-point counters. */
    List<NetSpec> covers() { return nets.stream().filter(n -> n.kind() == NetCatalog.Kind.COVER).toList(); }

    boolean clocked() { return catalog.clocked(); }

    /** The port or debug net called {@code name} (see {@link NetCatalog#peekable}). */
    NetSpec require(String name) { return nets.get(catalog.peekable(name).index()); }

    /** The input called {@code name} (see {@link NetCatalog#input}). */
    NetSpec requireInput(String name) { return nets.get(catalog.input(name).index()); }
}
