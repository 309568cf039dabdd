package defernorm.hdl.stream;

import defernorm.hdl.Component;
import defernorm.hdl.Reg;
import defernorm.hdl.Role;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * A register slice (skid buffer) for a valid/ready {@link Stream}: it cuts every combinational path between
 * its two sides — {@code out_valid}/{@code out_data} come from a register, and so does {@code in_ready} — and
 * still moves one beat per cycle while the consumer is ready. The beat that arrives in the cycle the
 * consumer stalls, when {@code in_ready} could not drop in time, waits in a second ("skid") register. Latency
 * 1 cycle; at most 2 beats held.
 *
 * <p>Ports: {@code in_valid}, {@code in_data}, {@code in_ready}; {@code out_valid}, {@code out_data},
 * {@code out_ready} (plus {@code in_last}/{@code out_last} with {@code hasLast}).
 *
 * <pre>{@code
 * Inst slice = instance("slice", new SkidBuffer(Type.uint(32), false));   // SkidBuffer_U32
 * in.connect(slice, "in");
 * out.connect(slice, "out");
 * }</pre>
 */
public final class SkidBuffer extends Component {

    public SkidBuffer(Type payload, boolean hasLast) {
        super("SkidBuffer_" + StreamNames.of(payload, hasLast));
        Stream in = ports("in", new Stream(payload, hasLast), Role.SLAVE);
        Stream out = ports("out", new Stream(payload, hasLast), Role.MASTER);
        // The payload and last travel together through both registers.
        Type word = Type.uint(payload.width() + (hasLast ? 1 : 0));
        Signal inWord = hasLast ? Signal.cat(in.last(), in.data().asUnsigned()) : in.data().asUnsigned();

        Reg mainValid = reg("main_valid", Type.bool()).resetTo(0);
        Reg main = reg("main_q", word).resetTo(0);
        Reg skidValid = reg("skid_valid", Type.bool()).resetTo(0);
        Reg skid = reg("skid_q", word).resetTo(0);

        Signal inFire = in.valid().and(skidValid.not()).named("in_fire");
        // The main register takes a new beat whenever it is empty or its beat leaves this cycle.
        Signal mainFree = mainValid.not().or(out.ready()).named("main_free");
        when(mainFree, () -> {
            mainValid.set(skidValid.or(inFire));
            main.set(Signal.mux(skidValid, skid, inWord));
            skidValid.set(lit(0, Type.bool()));
        }).otherwise(() -> when(inFire, () -> {
            skidValid.set(lit(1, Type.bool()));
            skid.set(inWord);
        }));

        in.ready().set(skidValid.not());
        out.valid().set(mainValid);
        Signal data = main.slice(payload.width() - 1, 0);
        out.data().set(payload.signed() ? data.asSigned() : data);
        if (hasLast) out.last().set(main.bit(payload.width()));
    }
}
