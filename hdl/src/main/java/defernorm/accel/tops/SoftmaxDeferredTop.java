package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.accel.units.SoftmaxFront;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * Softmax deferred (online softmax, FlashAttention-style): each beat's scores pass the exp front
 * ({@code u = s·L}, running integer maximum M_k, {@code p = exp2(u − (M_k << 12))}) straight into the MAC
 * array, whose accumulators are rescaled by {@code roundShift(acc, Δ_k)} when the maximum grows; the same
 * exp values feed the denominator. The drain meets the factor in the final scale stage ({@code ScaleUnit}):
 * {@code out = sat32(roundShift(acc·r, 31 + e − 16) + bias)}. No activation buffer.
 */
final class SoftmaxDeferredTop extends SoftmaxTop {
    SoftmaxDeferredTop(Params prm) {
        super(Variant.DEFERRED, prm);
        Wire accept = wire("in_accept", Type.bool());
        Wire lastW = wire("in_last_w", Type.bool());
        long gapMin = (long) Math.ceil(schedule.cyclesPerToken()) - (long) (nb() - 1) * groups();
        Signal ready = paced(accept, lastW, gapMin).and(en).named("in_ready");
        s.tready().set(ready);
        accept.set(s.tvalid().and(ready));
        lastW.set(inputBeatCounter(accept));

        // ---- input register, then the exp front (its last register is the array's input register) -------------
        Beat in = inputRegister(accept, accept.and(lastW));
        Inst front = instance("front", new SoftmaxFront(prm.p(), nb(), false));
        front.in("en", en).in("in_valid", in.valid()).in("in_last", in.last()).in("in_s", in.data())
                .in("in_l", constantWord(SoftmaxFront.L_BITS));

        MacArray.Config cfg = new MacArray.Config(prm.p(), prm.q(), nb(), groups(), Type.uint(Exp2.OUT_BITS), true, SoftmaxFront.MAX_BITS);
        Inst mac = macArray(cfg);
        mac.in("in_valid", front.out("out_valid")).in("in_act", front.out("out_p"))
                .in("in_shift", front.out("out_delta"));

        // ---- the denominator sees each exp beat once, from the array's input register ----------------------------
        Signal beatDelta = stage("beat_delta", front.out("out_delta"));
        Signal beatLast = stage("beat_last", front.out("out_valid").and(front.out("out_last")));
        SoftmaxFactor f = softmaxFactor(mac.out("beat_valid"), beatLast, mac.out("beat_act"), beatDelta);

        deferredOutput(mac, cfg.accBits(), f.valid(), f.r(), f.e(), Formats.SOFTMAX_OUT_FRAC);
    }
}
