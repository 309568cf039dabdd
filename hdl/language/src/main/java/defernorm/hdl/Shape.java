package defernorm.hdl;

import defernorm.hdl.ir.Type;

/**
 * How to build one hardware aggregate: a bundle record, a {@link Vec}, or a single signal. A shape asks
 * {@link Fields} for each field in order; the component that uses the shape decides what the fields are (input
 * or output ports, wires, registers) and names them {@code prefix_component} after the record's components
 * ({@code prefix_0, prefix_1, ...} in a Vec).
 *
 * <pre>{@code
 * public record Handshake(Signal valid, Signal ready, Signal data) {
 *     public static Shape<Handshake> of(int width) {
 *         return f -> new Handshake(f.field(Type.bool()), f.flipped(Type.bool()), f.field(Type.uint(width)));
 *     }
 * }
 * Handshake in = input("in", Handshake.of(8));     // in_valid, in_data are inputs; in_ready is an output
 * Handshake out = output("out", Handshake.of(8));  // out_valid, out_data are outputs; out_ready is an input
 * connect(out, in);                                // out_valid := in_valid, ..., in_ready := out_ready
 * }</pre>
 *
 * A bundle is any record whose components are signals, Vecs or bundle records (other components, such as an
 * {@code int} parameter, are carried along untouched). Records must be accessible to the library by reflection
 * (always on the class path; in a named module, open the package to {@code defernorm.hdl}).
 *
 * @param <T> the aggregate built: a record, a {@code Vec<...>} or a {@link Signal}
 */
@FunctionalInterface
public interface Shape<T> {
    /** Builds the aggregate, taking every field from {@code fields}. */
    T make(Fields fields);

    /** The shape of a single field of type {@code t}. */
    static Shape<Signal> of(Type t) { return f -> f.field(t); }
}
