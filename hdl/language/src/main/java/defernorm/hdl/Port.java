package defernorm.hdl;

/**
 * A port of a {@link PortGroup}: readable as a {@link Signal}; settable when it is an output for the role the
 * module took (then it is an {@link Output}). Setting a port that is an input is an error.
 */
public class Port extends Signal {
    Port(Net net) { super(net); }

    /** Drives this port (only if it is an output of this module). */
    public void set(Signal value) {
        var at = SourceLocator.here();
        if (net.kind != Net.Kind.OUTPUT) {
            b().error(at, "input '" + net.name + "' cannot be set; only outputs, wires and registers can.");
            return;
        }
        b().assign(net, value, at);
    }
}
