package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle of ports declared once and added to modules with a name prefix, as {@link Role#MASTER} or
 * {@link Role#SLAVE}. A subclass declares its fields in its constructor with {@link #field}, naming the role
 * that drives each, and offers typed accessors through {@link #port}.
 *
 * <pre>{@code
 * public final class Handshake extends PortGroup {
 *     public Handshake(int w) {
 *         field("valid", Type.bool(), Role.MASTER);
 *         field("ready", Type.bool(), Role.SLAVE);
 *         field("data", Type.uint(w), Role.MASTER);
 *     }
 *     public Port valid() { return port("valid"); }
 *     public Port ready() { return port("ready"); }
 *     public Port data() { return port("data"); }
 * }
 * Handshake in = ports("in", new Handshake(8), Role.SLAVE);   // ports in_valid, in_ready, in_data
 * in.ready().set(lit(1, Type.bool()));
 * }</pre>
 */
public abstract class PortGroup {
    private record Field(String name, Type type, Role driver) {}

    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Port> bound = new LinkedHashMap<>();
    private String prefix;
    private Role role;

    /** Declares a field; {@code driver} is the role that drives it. */
    protected final void field(String name, Type type, Role driver) {
        fields.add(new Field(name, type, driver));
    }

    /** The port of field {@code name}: an {@link Output} if this module drives it, else an input. */
    protected final Port port(String name) {
        Port p = bound.get(name);
        if (p == null) {
            throw new HdlException(Diagnostic.error(SourceLocator.here(), prefix == null
                    ? "port group " + getClass().getSimpleName() + " is not added to a module yet; use ports(...) first."
                    : "port group " + getClass().getSimpleName() + " has no field '" + name + "'."));
        }
        return p;
    }

    /** The prefix this group was added with, e.g. {@code s_axis}. */
    public final String prefix() { return prefix; }

    /** The role the module took for this group. */
    public final Role role() { return role; }

    void bind(Builder b, String prefix, Role role, SourceLoc at) {
        if (this.prefix != null) {
            b.error(at, "port group " + getClass().getSimpleName() + " is already added as '" + this.prefix
                    + "'; create a new one for each use.");
            return;
        }
        this.prefix = prefix;
        this.role = role;
        for (Field f : fields) {
            String name = prefix + "_" + f.name();
            Port p = f.driver() == role ? new Output(b.port(Net.Kind.OUTPUT, name, f.type(), at))
                    : new Port(b.port(Net.Kind.INPUT, name, f.type(), at));
            bound.put(f.name(), p);
        }
    }
}
