package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out the fields of a {@link Shape} being built: ports, wires or registers, depending on whether the
 * component declared the aggregate with {@code input}, {@code output}, {@code wire} or {@code reg}. A flipped
 * field goes the other way: it is an output in an {@code input} bundle and an input in an {@code output} one
 * (for wires and registers flipping changes nothing but {@link Component#connect}'s direction).
 *
 * <pre>{@code
 * Shape<Handshake> hs = f -> new Handshake(f.field(Type.bool()), f.flipped(Type.bool()), f.field(Type.uint(8)));
 * Shape<Vec<Signal>> lanes = f -> f.vec(4, Type.uint(8));       // same as Vec.of(4, Type.uint(8))
 * }</pre>
 */
public final class Fields {
    /** What the component declared: input or output ports, wires or registers. */
    enum Mode { INPUT, OUTPUT, WIRE, REG }

    private final Builder b;
    private final Mode mode;
    private final SourceLoc at;
    private final boolean flip;
    /** Every net handed out, shared by nested (flipped) views; named once the aggregate is built. */
    final List<Net> made;

    Fields(Builder b, Mode mode, SourceLoc at) { this(b, mode, at, false, new ArrayList<>()); }

    private Fields(Builder b, Mode mode, SourceLoc at, boolean flip, List<Net> made) {
        this.b = b;
        this.mode = mode;
        this.at = at;
        this.flip = flip;
        this.made = made;
    }

    /** A field of type {@code t}, going the bundle's way. */
    public Signal field(Type t) { return leaf(t, false, null); }

    /** A field of type {@code t} going the other way (e.g. {@code ready} in a valid/ready bundle). */
    public Signal flipped(Type t) { return leaf(t, true, null); }

    /** A field holding a value of enum {@code cls} (a UInt of clog2(values) bits). */
    public <E extends Enum<E>> Signal field(Class<E> cls) { return leaf(EnumCodes.type(cls), false, cls); }

    /** A field holding a value of enum {@code cls}, going the other way. */
    public <E extends Enum<E>> Signal flipped(Class<E> cls) { return leaf(EnumCodes.type(cls), true, cls); }

    /** A nested aggregate going the bundle's way. */
    public <T> T field(Shape<T> shape) { return shape.make(this); }

    /** A nested aggregate with every direction reversed. */
    public <T> T flipped(Shape<T> shape) { return shape.make(new Fields(b, mode, at, !flip, made)); }

    /** A Vec of {@code n} fields of type {@code t}. */
    public Vec<Signal> vec(int n, Type t) { return vec(n, Shape.of(t)); }

    /** A Vec of {@code n} aggregates of shape {@code element}. */
    public <T> Vec<T> vec(int n, Shape<T> element) {
        if (n < 1) {
            b.error(at, "a Vec needs at least 1 element, not " + n + ".");
            n = 1;
        }
        List<T> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) xs.add(element.make(this));
        return new Vec<>(xs);
    }

    private Signal leaf(Type t, boolean flipped, Class<? extends Enum<?>> enumClass) {
        boolean reversed = flipped != flip;
        Net n = switch (mode) {
            case INPUT -> b.port(reversed ? Net.Kind.OUTPUT : Net.Kind.INPUT, null, t, at);
            case OUTPUT -> b.port(reversed ? Net.Kind.INPUT : Net.Kind.OUTPUT, null, t, at);
            case WIRE -> b.named(Net.Kind.WIRE, null, t, at);
            case REG -> b.named(Net.Kind.REG, null, t, at);
        };
        n.flipped = reversed;
        n.enumClass = enumClass;
        made.add(n);
        return Signal.of(n);
    }
}
