/**
 * Valid/ready streams and the blocks built on them: {@link defernorm.hdl.stream.Stream} (the port group, with
 * {@code fire()} and connection helpers), {@link defernorm.hdl.stream.SkidBuffer} (a register slice at one
 * beat per cycle), {@link defernorm.hdl.stream.StreamFifo} (memory or registers, count/full/empty) and
 * {@link defernorm.hdl.stream.RoundRobinArbiter} (per beat, or per packet with {@code last}).
 *
 * <pre>{@code
 * Stream in = ports("in", new Stream(Type.uint(8)), Role.SLAVE);
 * Stream out = ports("out", new Stream(Type.uint(8)), Role.MASTER);
 * Inst q = instance("q", new StreamFifo(Type.uint(8), 4, StreamFifo.Storage.REGISTERS));
 * in.connect(q, "in");
 * out.connect(q, "out");
 * }</pre>
 */
package defernorm.hdl.stream;
