package defernorm.examples;

import defernorm.hdl.Component;
import defernorm.hdl.Inst;
import defernorm.hdl.Role;
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
        Stream in = ports("in", new Stream(Type.uint(width)), Role.SLAVE);     // in_valid, in_ready, in_data
        Stream out = ports("out", new Stream(Type.uint(width)), Role.MASTER);  // out_valid, out_ready, out_data
        Inst fifo = instance("fifo", new StreamFifo(Type.uint(width), depth, StreamFifo.Storage.MEMORY));
        in.connect(fifo, "in");
        out.connect(fifo, "out");
        output("full", Type.bool()).set(fifo.out("full"));
        output("empty", Type.bool()).set(fifo.out("empty"));
    }
}
