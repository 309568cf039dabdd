package defernorm.hdl.stream;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A valid/ready stream as a bundle: {@code valid} and the payload {@code data} (a {@link Signal} or any bundle
 * record) flow from producer to consumer, {@code ready} (flipped) flows back. A beat moves on a clock edge where
 * {@link #fire()} is high. The rules every stream of this library keeps: once {@code valid} is high it stays
 * high, with the same {@code data}, until the beat fires; {@code ready} may depend on {@code valid}, never the
 * other way round. Declared with {@code input} the module consumes the stream, with {@code output} it produces it.
 *
 * <pre>{@code
 * Stream<Signal> in = input("in", Stream.of(Type.uint(8)));    // in_valid, in_data in; in_ready out
 * Stream<Signal> out = output("out", Stream.of(Type.uint(8))); // out_valid, out_data out; out_ready in
 * SkidBuffer<Signal> slice = SkidBuffer.of(Type.uint(8));
 * Inst s = instance("slice", slice);
 * connect(s.port(slice.in), in);                                // typed instance ports, ready goes back
 * connect(out, s.port(slice.out));
 * Signal beat = in.fire();                                      // valid && ready
 *
 * record Beat(Signal data, Signal last) {}                      // a bundle payload: in_data_data, in_data_last
 * Stream<Beat> pkt = input("pkt", Stream.of(f -> new Beat(f.field(Type.uint(8)), f.field(Type.bool()))));
 * }</pre>
 *
 * @param <T> the payload: a {@link Signal}, a {@code Vec} or a bundle record
 */
public record Stream<T>(Signal valid, Signal ready, T data) {

    /** The shape of a stream of {@code payload}-shaped beats. */
    public static <T> Shape<Stream<T>> of(Shape<T> payload) {
        return f -> new Stream<>(f.field(Type.bool()), f.flipped(Type.bool()), f.field(payload));
    }

    /** The shape of a stream of single-signal beats of type {@code payload}. */
    public static Shape<Stream<Signal>> of(Type payload) { return of(Shape.of(payload)); }

    /** High in a cycle where a beat moves: {@code valid && ready}. */
    public Signal fire() { return valid.and(ready); }
}
