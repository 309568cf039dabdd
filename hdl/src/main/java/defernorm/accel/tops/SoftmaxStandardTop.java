package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.accel.units.SoftmaxFront;
import defernorm.accel.units.SoftmaxRequantize;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Softmax standard: the scores are accepted at full rate into the activation buffer and the online
 * reduction (max and den); once the factor is known each buffered beat is read back (one per G cycles)
 * into a {@link SoftmaxRequantize} whose last register is the MAC array's input register:
 * {@code p = exp2(s·L − (M << 12))} with the token's final max M, {@code q = clamp(roundShift(p·r,
 * 31 + e − 7), 0, 127)}; the drained accumulators leave as {@code sat32((acc << 9) + bias)}.
 */
final class SoftmaxStandardTop extends SoftmaxTop {
    SoftmaxStandardTop(Params prm) {
        super(Variant.STANDARD, prm);
        ActivationBuffer buf = new ActivationBuffer();
        Signal l = constantWord(SoftmaxFront.L_BITS);
        Inst front = instance("front", new SoftmaxFront(prm.p(), nb(), true));
        front.in("en", en).in("in_valid", buf.in.valid()).in("in_last", buf.in.last()).in("in_s", buf.in.data()).in("in_l", l);
        Signal tokenEnd = front.out("out_valid").and(front.out("out_last"));
        Reg maxHold = reg("token_max", Type.sint(SoftmaxFront.MAX_BITS)).resetTo(0).enable(en.and(tokenEnd));
        maxHold.set(front.out("out_max"));
        SoftmaxFactor f = softmaxFactor(front.out("out_valid"), front.out("out_last"), front.out("out_p"), front.out("out_delta"));
        Reg rHold = reg("factor_r", f.r().type()).resetTo(0).enable(en.and(f.valid()));
        rHold.set(f.r());
        Reg expHold = reg("factor_exp", f.e().type()).resetTo(0).enable(en.and(f.valid()));
        expHold.set(f.e());
        Beat x = buf.readBack(f.valid());

        Inst norm = instance("normalize", new SoftmaxRequantize(prm.p(), false));
        norm.in("en", en).in("in_valid", x.valid()).in("in_last", x.last()).in("in_s", x.data()).in("in_l", l)
                .in("in_max", maxHold).in("in_r", rHold).in("in_exp", expHold);

        MacArray.Config cfg = new MacArray.Config(prm.p(), prm.q(), nb(), groups(), Type.uint(SoftmaxRequantize.Q_BITS), false, 0);
        Inst mac = macArray(cfg);
        mac.in("in_valid", norm.out("out_valid")).in("in_act", norm.out("out_q"));
        standardOutput(mac, cfg.accBits(), Formats.SOFTMAX_OUT_FRAC - Formats.PROB_FRAC);
    }
}
