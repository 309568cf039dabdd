package defernorm.hdl.stream;

import defernorm.hdl.Inst;
import defernorm.hdl.Port;
import defernorm.hdl.PortGroup;
import defernorm.hdl.Role;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A valid/ready stream: {@code valid}, {@code data} (the payload, any {@link Type}) and, for packets,
 * {@code last} are driven by the producer ({@link Role#MASTER}); {@code ready} by the consumer
 * ({@link Role#SLAVE}). A beat moves on a clock edge where {@link #fire()} is high. The rules every stream of
 * this library keeps: once {@code valid} is high it stays high, with the same {@code data}, until the beat
 * fires; {@code ready} may depend on {@code valid}, never the other way round.
 *
 * <pre>{@code
 * Stream in = ports("in", new Stream(Type.uint(8)), Role.SLAVE);     // in_valid, in_ready, in_data
 * Stream out = ports("out", new Stream(Type.uint(8)), Role.MASTER);  // out_valid, out_ready, out_data
 * out.connect(instance("fifo", new StreamFifo(Type.uint(8), 4, StreamFifo.Storage.MEMORY)), "out");
 * in.connect(fifoInst, "in");                 // the child takes this module's input beats
 * Signal beat = in.fire();                    // valid && ready
 * }</pre>
 */
public final class Stream extends PortGroup {
    private final Type payload;
    private final boolean hasLast;

    /** A stream of {@code payload} beats without {@code last}. */
    public Stream(Type payload) { this(payload, false); }

    /** @param hasLast whether the stream carries {@code last} (the final beat of a packet) */
    public Stream(Type payload, boolean hasLast) {
        this.payload = payload;
        this.hasLast = hasLast;
        field("valid", Type.bool(), Role.MASTER);
        field("ready", Type.bool(), Role.SLAVE);
        field("data", payload, Role.MASTER);
        if (hasLast) field("last", Type.bool(), Role.MASTER);
    }

    /** The payload type. */
    public Type payload() { return payload; }

    /** Whether the stream carries {@code last}. */
    public boolean hasLast() { return hasLast; }

    public Port valid() { return port("valid"); }

    public Port ready() { return port("ready"); }

    public Port data() { return port("data"); }

    /** The packet's final beat (only for a stream made with {@code hasLast}). */
    public Port last() { return port("last"); }

    /** High in a cycle where a beat moves: {@code valid && ready}. */
    public Signal fire() { return valid().and(ready()); }

    /**
     * Connects this module's stream to the stream {@code childPrefix} of instance {@code child} (the same
     * payload and {@code last}): taken as {@link Role#SLAVE} (an input stream of this module), the child
     * consumes the beats; taken as {@link Role#MASTER}, the child produces them.
     */
    public void connect(Inst child, String childPrefix) {
        if (role() == Role.SLAVE) {
            child.in(childPrefix + "_valid", valid()).in(childPrefix + "_data", data());
            if (hasLast) child.in(childPrefix + "_last", last());
            ready().set(child.out(childPrefix + "_ready"));
        } else {
            valid().set(child.out(childPrefix + "_valid"));
            data().set(child.out(childPrefix + "_data"));
            if (hasLast) last().set(child.out(childPrefix + "_last"));
            child.in(childPrefix + "_ready", ready());
        }
    }

    /**
     * Connects the output stream {@code fromPrefix} of instance {@code producer} to the input stream
     * {@code toPrefix} of instance {@code consumer}, both in the same parent.
     *
     * <pre>{@code Stream.link(skid, "out", fifo, "in", false); }</pre>
     */
    public static void link(Inst producer, String fromPrefix, Inst consumer, String toPrefix, boolean hasLast) {
        consumer.in(toPrefix + "_valid", producer.out(fromPrefix + "_valid"))
                .in(toPrefix + "_data", producer.out(fromPrefix + "_data"));
        if (hasLast) consumer.in(toPrefix + "_last", producer.out(fromPrefix + "_last"));
        producer.in(fromPrefix + "_ready", consumer.out(toPrefix + "_ready"));
    }
}
