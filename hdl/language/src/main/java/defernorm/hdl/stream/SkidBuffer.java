package defernorm.hdl.stream;

import defernorm.hdl.Bits;
import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A register slice (skid buffer) for a valid/ready {@link Stream}: it cuts every combinational path between
 * its two sides — {@code out_valid}/{@code out_data} come from a register, and so does {@code in_ready} — and
 * still moves one beat per cycle while the consumer is ready. The beat that arrives in the cycle the consumer
 * stalls, when {@code in_ready} could not drop in time, waits in a second ("skid") register. Latency 1 cycle;
 * at most 2 beats held.
 *
 * <pre>{@code
 * SkidBuffer<Signal> slice = SkidBuffer.of(Type.uint(32));   // SkidBuffer_U32: in_*, out_*
 * Inst s = instance("slice", slice);
 * connect(s.port(slice.in), upstream);
 * connect(downstream, s.port(slice.out));
 * }</pre>
 *
 * @param <T> the payload
 */
public final class SkidBuffer<T> extends Component {
    /** The side beats enter by ({@code in_valid}, {@code in_data}, {@code in_ready}). */
    public final Stream<T> in;
    /** The side beats leave by ({@code out_valid}, {@code out_data}, {@code out_ready}). */
    public final Stream<T> out;

    /** A skid buffer of single-signal beats, named {@code SkidBuffer_U8} (S for SInt). */
    public static SkidBuffer<Signal> of(Type payload) {
        return new SkidBuffer<>("SkidBuffer_" + StreamNames.of(payload), Shape.of(payload));
    }

    /** @param name the module name, carrying what sets the payload apart (one name, one netlist) */
    public SkidBuffer(String name, Shape<T> payload) {
        super(name);
        in = input("in", Stream.of(payload));
        out = output("out", Stream.of(payload));
        Signal inWord = Bits.pack(in.data());
        Type word = inWord.type();

        Reg mainValid = reg("main_valid", Type.bool()).resetTo(0);
        Reg main = reg("main_q", word).resetTo(0);
        Reg skidValid = reg("skid_valid", Type.bool()).resetTo(0);
        Reg skid = reg("skid_q", word).resetTo(0);

        Signal inFire = in.valid().and(skidValid.not()).named("in_fire");
        // The main register takes a beat whenever it is empty or its beat leaves in this cycle.
        when(mainValid.not().or(out.ready()), () -> {
            mainValid.set(skidValid.or(inFire));
            main.set(Signal.mux(skidValid, skid, inWord));
            skidValid.set(lit(0, Type.bool()));
        }).otherwise(() -> when(inFire, () -> {
            skidValid.set(lit(1, Type.bool()));
            skid.set(inWord);
        }));

        in.ready().set(skidValid.not());
        out.valid().set(mainValid);
        connect(out.data(), Bits.unpack(in.data(), main));
    }
}
