package defernorm.cosim.verilator;

import defernorm.cosim.support.NetCatalog;
import defernorm.hdl.ir.Type;

/**
 * One entry of the design's {@link NetCatalog} as the harness reaches it, with its index in the protocol's
 * net table.
 *
 * @param name      the name users pass to poke/peek: a port name, or {@code inst.sub.net} for a debug net
 * @param scope     for a debug net or cover counter, Verilator's scope of the module holding it ({@code TOP.Top.inst.sub})
 * @param module    for a debug net, the Verilog module that declares it
 * @param localName for a debug net, its name inside that module
 */
record NetSpec(int index, String name, Type type, NetCatalog.Kind kind, String scope, String module, String localName) {

    /** 32-bit words the value takes on the wire. */
    int words() { return (type.width() + 31) / 32; }

    /** Bytes the value takes on the wire. */
    int wireBytes() { return 4 * words(); }
}
