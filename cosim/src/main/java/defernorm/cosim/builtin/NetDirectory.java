package defernorm.cosim.builtin;

import defernorm.cosim.support.NetCatalog;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Type;
import java.util.List;

/**
 * The design's {@link NetCatalog} (the nets a user may name, as on every engine) with each net's place in
 * the state array.
 */
final class NetDirectory {
    record NetRef(String name, Type type, int offset, NetCatalog.Kind role) {
        int words() { return Words.count(type.width()); }
    }

    private final NetCatalog catalog;
    private final NetRef[] refs;

    NetDirectory(Design design, SlotMap slots) {
        catalog = new NetCatalog(design);
        List<NetCatalog.Entry> all = catalog.all();
        refs = new NetRef[all.size()];
        for (NetCatalog.Entry e : all) {
            if (e.kind() == NetCatalog.Kind.COVER) continue;   // counted by CheckBank, not a net
            if (!slots.has(e.name())) throw new IllegalArgumentException("debug net '" + e.name() + "' is not a net of the design");
            refs[e.index()] = new NetRef(e.name(), e.type(), slots.offset(e.name()), e.kind());
        }
    }

    NetRef input(String name) { return refs[catalog.input(name).index()]; }

    NetRef peekable(String name) { return refs[catalog.peekable(name).index()]; }
}
