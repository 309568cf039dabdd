package defernorm.examples;

import defernorm.hdl.Component;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import defernorm.hdl.stream.Stream;
import defernorm.hdl.stream.StreamFifo;

/**
 * A byte FIFO from the stream library: two valid/ready ports around a memory-based {@link StreamFifo}
 * (first word fall through; a beat moves when valid and ready are both high), with its full and empty flags.
 */
public final class Fifo extends Component {
    public Fifo(int width, int depth) {
        super("Fifo_W" + width + "_D" + depth);
        Stream<Signal> in = input("in", Stream.of(Type.uint(width)));     // in_valid, in_data in; in_ready out
        Stream<Signal> out = output("out", Stream.of(Type.uint(width)));  // out_valid, out_data out; out_ready in
        StreamFifo<Signal> fifo = StreamFifo.of(Type.uint(width), depth, StreamFifo.Storage.MEMORY);
        Inst q = instance("fifo", fifo);
        connect(q.port(fifo.in), in);
        connect(out, q.port(fifo.out));
        output("full", Type.bool()).set(q.out(fifo.full));
        output("empty", Type.bool()).set(q.out(fifo.empty));
    }
}
