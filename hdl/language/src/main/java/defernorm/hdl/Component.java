package defernorm.hdl;

import defernorm.hdl.ir.Check;
import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A hardware module: a subclass's constructor declares ports and builds logic with the protected builder
 * methods; {@link Elaborator#elaborate(Component)} turns it into checked IR. Clock and reset are implicit.
 *
 * <pre>{@code
 * public final class Counter extends Component {
 *     public Counter(int width) {
 *         super("Counter_W" + width);          // or just "Counter": variants get suffixes
 *         Signal en = input("en", Type.bool());
 *         Reg count = reg("count_q", Type.uint(width)).resetTo(0);
 *         when(en, () -> count.set(count.plus(1).truncate(width)));
 *         output("count", Type.uint(width)).set(count);
 *     }
 * }
 * }</pre>
 *
 * Problems (width mismatches, bad names, ...) are recorded with the caller's source line and reported all
 * together by the {@link Elaborator}; building never stops at the first one.
 */
public abstract class Component {
    final Builder b;

    /**
     * @param name the Verilog module name: a legal, non-reserved identifier (checked at elaboration). It is a
     *             base name: components with equal netlists share one module; when different netlists give
     *             the same name, each gets a stable suffix from its structure ({@code Width_1f3a09c2}).
     */
    protected Component(String name) {
        b = new Builder(this, Objects.requireNonNull(name, "module name"), SourceLocator.here());
    }

    /** The Verilog module name. */
    public final String name() { return b.name; }

    protected final Signal input(String name, Type type) {
        return new Signal(b.port(Net.Kind.INPUT, name, type, SourceLocator.here()));
    }

    protected final Output output(String name, Type type) {
        return new Output(b.port(Net.Kind.OUTPUT, name, type, SourceLocator.here()));
    }

    /**
     * Declares output {@code name} of {@code value}'s type and drives it with {@code value}, in one step.
     * <pre>{@code Output sum = output("sum", a.plus(b)); }</pre>
     */
    protected final Output output(String name, Signal value) {
        Output o = output(name, value.type());
        o.set(value);
        return o;
    }

    protected final Wire wire(String name, Type type) {
        return new Wire(b.named(Net.Kind.WIRE, name, type, SourceLocator.here()));
    }

    protected final Reg reg(String name, Type type) {
        return new Reg(b.named(Net.Kind.REG, name, type, SourceLocator.here()));
    }

    /** A constant of type {@code t}; a value out of range is an error. */
    protected final Signal lit(long value, Type t) {
        return new Signal(b.constant(BigInteger.valueOf(value), t, SourceLocator.here()));
    }

    protected final Signal lit(BigInteger value, Type t) {
        return new Signal(b.constant(value, t, SourceLocator.here()));
    }

    /** A memory of {@code depth} words of {@code width} bits. */
    protected final Mem memory(String name, int width, int depth) {
        SourceLoc at = SourceLocator.here();
        if (width < 1 || depth < 1) {
            b.error(at, "memory '" + name + "' needs a width and depth of at least 1, not " + width + " x " + depth + ".");
            width = Math.max(1, width);
            depth = Math.max(1, depth);
        }
        Mem m = new Mem(b, name, width, depth, at);
        b.memories.add(m);
        return m;
    }

    /** Instantiates {@code child} (an already constructed module) under the instance name {@code name}. */
    protected final <M extends Component> Inst instance(String name, M child) {
        SourceLoc at = SourceLocator.here();
        if (child == this) throw new HdlException(Diagnostic.error(at, "module '" + b.name + "' cannot instantiate itself."));
        Inst i = new Inst(b, name, child, at);
        b.instances.add(i);
        return i;
    }

    /** Runs {@code body} with its sets made conditional on {@code cond} (a Bool). */
    protected final WhenChain when(Signal cond, Runnable body) {
        return WhenChain.start(b, cond, body, SourceLocator.here());
    }

    /** Starts a switch on {@code sel}: {@code switchOn(op).is(0, ...).is(1, ...).otherwise(...)}. */
    protected final SwitchChain switchOn(Signal sel) {
        SourceLoc at = SourceLocator.here();
        b.owns(sel.net, at);
        return new SwitchChain(b, sel, at);
    }

    /** Names {@code s} and marks it peekable from simulators; returns the named signal. */
    protected final Signal debug(String name, Signal s) {
        SourceLoc at = SourceLocator.here();
        if (!b.owns(s.net, at)) return s;
        Net n;
        if (s.net.name == null && s.net.kind.temporary()) {
            n = s.net;
            n.name = name;
            n.nameLoc = at;
        } else {
            n = b.alias(name, s.net, at);
        }
        b.debug.add(n);
        return new Signal(n);
    }

    // ---- aggregates ------------------------------------------------------------------------------------------

    /**
     * Input ports shaped by {@code shape}, named {@code prefix_field} / {@code prefix_0}...; flipped fields are
     * outputs. {@code Handshake in = input("in", Handshake.of(8));}
     */
    protected final <T> T input(String prefix, Shape<T> shape) { return declare(prefix, shape, Fields.Mode.INPUT, null, SourceLocator.here()); }

    /** Output ports shaped by {@code shape}; flipped fields are inputs. */
    protected final <T> T output(String prefix, Shape<T> shape) { return declare(prefix, shape, Fields.Mode.OUTPUT, null, SourceLocator.here()); }

    /** Wires shaped by {@code shape}, e.g. {@code Vec<Signal> v = wire("v", Vec.of(4, Type.uint(8)));}. */
    protected final <T> T wire(String prefix, Shape<T> shape) { return declare(prefix, shape, Fields.Mode.WIRE, null, SourceLocator.here()); }

    /** Registers shaped by {@code shape}, without reset. */
    protected final <T> T reg(String prefix, Shape<T> shape) { return declare(prefix, shape, Fields.Mode.REG, null, SourceLocator.here()); }

    /** Registers shaped by {@code shape}, every one reset to {@code resetValue} (which must fit each). */
    protected final <T> T reg(String prefix, Shape<T> shape, long resetValue) {
        return declare(prefix, shape, Fields.Mode.REG, BigInteger.valueOf(resetValue), SourceLocator.here());
    }

    /** Builds {@code shape}'s fields as {@code mode}, names them after the returned aggregate, and sets resets. */
    private <T> T declare(String prefix, Shape<T> shape, Fields.Mode mode, BigInteger reset, SourceLoc at) {
        Fields f = new Fields(b, mode, at);
        T agg = shape.make(f);
        Aggregates.walk(agg, prefix, (path, s) -> {
            if (s.net.name == null && f.made.contains(s.net)) {
                s.net.name = path;
                s.net.nameLoc = at;
            }
        }, at);
        int k = 0;
        boolean resetFits = reset != null;
        for (Net n : f.made) {
            if (n.name == null) {
                b.error(at, "a field made for '" + prefix + "' is not part of the value its shape returned; return every"
                        + " field you ask Fields for.");
                n.name = prefix + "_unused" + k++;
                n.nameLoc = at;
            }
            resetFits = resetFits && b.fits(reset, n.type, at);   // one error, not one per field
            if (resetFits) n.value = reset;
        }
        return agg;
    }

    /**
     * Connects two aggregates of the same shape field by field: {@code target}'s fields are set from
     * {@code source}'s, except flipped ones, which go the other way ({@code source.ready := target.ready}).
     *
     * <pre>{@code connect(output("out", Handshake.of(8)), input("in", Handshake.of(8)));   // a pass-through }</pre>
     */
    protected final <T> void connect(T target, T source) {
        SourceLoc at = SourceLocator.here();
        List<Signal> ts = Aggregates.leaves(target, at), ss = Aggregates.leaves(source, at);
        if (ts.size() != ss.size()) {
            b.error(at, "connect needs two aggregates of the same shape, but they have " + ts.size() + " and " + ss.size()
                    + " fields.");
            return;
        }
        for (int i = 0; i < ts.size(); i++) {
            Signal t = ts.get(i), s = ss.get(i);
            if (t.net.flipped) b.assignChecked(s.net, t, at);
            else b.assignChecked(t.net, s, at);
        }
    }

    // ---- enums --------------------------------------------------------------------------------------------------

    /** An input holding a value of enum {@code cls}: a UInt of clog2(values) bits that knows its enum. */
    protected final <E extends Enum<E>> Signal input(String name, Class<E> cls) { return enumNet(b.port(Net.Kind.INPUT, name, EnumCodes.type(cls), SourceLocator.here()), cls); }

    protected final <E extends Enum<E>> Output output(String name, Class<E> cls) { return (Output) enumNet(b.port(Net.Kind.OUTPUT, name, EnumCodes.type(cls), SourceLocator.here()), cls); }

    protected final <E extends Enum<E>> Wire wire(String name, Class<E> cls) { return (Wire) enumNet(b.named(Net.Kind.WIRE, name, EnumCodes.type(cls), SourceLocator.here()), cls); }

    /**
     * A register holding a value of enum {@code cls}, for state machines:
     * {@code Reg state = reg("state_q", State.class).resetTo(State.IDLE);}
     */
    protected final <E extends Enum<E>> Reg reg(String name, Class<E> cls) { return (Reg) enumNet(b.named(Net.Kind.REG, name, EnumCodes.type(cls), SourceLocator.here()), cls); }

    /** The constant {@code value} (its ordinal), named {@code State_IDLE} in the Verilog. */
    protected final <E extends Enum<E>> Signal lit(E value) { return new Signal(b.enumConstant(value, SourceLocator.here())); }

    private static Signal enumNet(Net n, Class<? extends Enum<?>> cls) {
        n.enumClass = cls;
        return Signal.of(n);
    }

    /**
     * Checks in simulation that {@code condition} (a Bool) holds at every rising clock edge outside reset;
     * inside a {@code when} only while its conditions hold. A failure stops the simulation with
     * {@code message}, the cycle and this line, on both engines. Emitted inside {@code `ifndef SYNTHESIS}
     * (synthesis never sees it); a module with a check gets {@code clk}/{@code rst}.
     *
     * <pre>{@code
     * when(push, () -> assertThat(count.lt(depth), "push into a full FIFO"));
     * }</pre>
     */
    protected final void assertThat(Signal condition, String message) {
        SourceLoc at = SourceLocator.here();
        if (!b.isBool(condition.net, at, "the condition of assertThat")) return;
        long k = b.checks.stream().filter(c -> c.kind() == Check.Kind.ASSERT).count();
        b.checks.add(new Builder.CheckDecl(Check.Kind.ASSERT, "_assert_" + k, condition.net, b.pathCondition(at),
                Objects.requireNonNull(message, "message"), at));
    }

    /**
     * Counts, in simulation, the rising clock edges outside reset where {@code condition} (a Bool) holds
     * (inside a {@code when}: and its conditions hold). Read the counts with {@code Simulation.coverage()},
     * under the hierarchical name ({@code u_fifo.full}). {@code name} is an identifier unique among this
     * module's cover points.
     *
     * <pre>{@code
     * cover(count.eq(depth), "full");
     * }</pre>
     */
    protected final void cover(Signal condition, String name) {
        SourceLoc at = SourceLocator.here();
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            b.error(at, "cover point name '" + name + "' is not an identifier (a letter, then letters, digits or _).");
            return;
        }
        if (b.checks.stream().anyMatch(c -> c.kind() == Check.Kind.COVER && c.name().equals(name))) {
            b.error(at, "cover point '" + name + "' is declared twice in module '" + b.name + "'.");
            return;
        }
        if (!b.isBool(condition.net, at, "the condition of cover point '" + name + "'")) return;
        b.checks.add(new Builder.CheckDecl(Check.Kind.COVER, name, condition.net, b.pathCondition(at), name, at));
    }
}
