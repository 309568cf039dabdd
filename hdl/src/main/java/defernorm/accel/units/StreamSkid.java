package defernorm.accel.units;

import defernorm.hdl.Module;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A skid buffer between a valid/ready producer and consumer that registers {@code in_ready}, so the
 * consumer's ready never reaches the producer combinationally (e.g. between the datapath's last register
 * and {@code m_axis}: the top can then drive its whole-pipeline enable from {@code in_ready}). It adds no
 * latency: while its one-entry buffer is empty, {@code in_*} passes straight to {@code out_*}; when the
 * consumer stalls with a beat on offer, that beat is caught in the buffer and {@code in_ready} drops on
 * the next cycle. Nothing is lost or duplicated.
 *
 * <p>Ports: {@code in_valid}, {@code in_data} (UInt(W)), {@code in_ready} (registered) &harr;
 * {@code out_valid}, {@code out_data}, {@code out_ready}.
 *
 * <pre>{@code
 * Inst skid = instance("skid", new StreamSkid(65));   // StreamSkid_W65: tdata and tlast together
 * }</pre>
 */
public final class StreamSkid extends Module {

    public StreamSkid(int width) {
        super("StreamSkid_W" + width);
        if (width < 1) throw new IllegalArgumentException("StreamSkid needs a data width of at least 1 bit, not " + width + ".");
        Signal inValid = input("in_valid", Type.bool());
        Signal inData = input("in_data", Type.uint(width));
        Signal outReady = input("out_ready", Type.bool());

        Reg full = reg("skid_full", Type.bool()).resetTo(0);
        Reg held = reg("skid_data", Type.uint(width)).resetTo(0);
        Signal ready = full.not().named("ready");
        // Catch the offered beat when the consumer stalls; release the buffer when it takes the held beat.
        Signal catchBeat = inValid.and(ready).and(outReady.not()).named("catch_beat");
        Signal drainHeld = full.and(outReady).named("drain_held");
        full.set(Signal.mux(catchBeat, lit(1, Type.bool()), Signal.mux(drainHeld, lit(0, Type.bool()), full)));
        held.set(Signal.mux(catchBeat, inData, held));

        output("in_ready", Type.bool()).set(ready);
        output("out_valid", Type.bool()).set(full.or(inValid));
        output("out_data", Type.uint(width)).set(Signal.mux(full, held, inData));
    }
}
