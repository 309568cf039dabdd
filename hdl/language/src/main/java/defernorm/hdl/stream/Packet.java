package defernorm.hdl.stream;

import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A beat of a packet stream: a {@code word} and {@code last}, high on the packet's final beat (AXI4-Stream's
 * {@code tlast}). As a {@link Stream} payload its fields are named {@code <prefix>_data_word} and
 * {@code <prefix>_data_last}.
 *
 * <pre>{@code
 * Stream<Packet> in = input("in", Stream.of(Packet.of(Type.uint(16))));
 * Signal endOfPacket = in.fire().and(in.data().last());
 * }</pre>
 */
public record Packet(Signal word, Signal last) {
    /** The shape of a packet beat carrying a {@code word} of type {@code t}. */
    public static Shape<Packet> of(Type t) { return f -> new Packet(f.field(t), f.field(Type.bool())); }
}
