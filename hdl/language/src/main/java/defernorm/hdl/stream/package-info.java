/**
 * Valid/ready streams and the blocks built on them: {@link defernorm.hdl.stream.Stream} (a bundle with a flipped
 * {@code ready} and {@code fire()}; the payload a signal or any bundle record, e.g. {@link defernorm.hdl.stream.Packet}),
 * {@link defernorm.hdl.stream.SkidBuffer} (a register slice at one beat per cycle),
 * {@link defernorm.hdl.stream.StreamFifo} (memory or registers, count/full/empty) and
 * {@link defernorm.hdl.stream.RoundRobinArbiter} (per beat, or per packet). Every block exposes its ports as
 * fields, for typed instance connections.
 *
 * <pre>{@code
 * Stream<Signal> in = input("in", Stream.of(Type.uint(8)));
 * Stream<Signal> out = output("out", Stream.of(Type.uint(8)));
 * StreamFifo<Signal> fifo = StreamFifo.of(Type.uint(8), 4, StreamFifo.Storage.REGISTERS);
 * Inst q = instance("q", fifo);
 * connect(q.port(fifo.in), in);
 * connect(out, q.port(fifo.out));
 * }</pre>
 */
package defernorm.hdl.stream;
