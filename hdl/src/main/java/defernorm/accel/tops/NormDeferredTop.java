package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * LayerNorm/RMSNorm deferred: the MAC array works on the raw int8 beats at once, the reduction sees the
 * same beats beside it, and the per-token factor {@code n·r} meets the drained accumulators in the final
 * scale stage ({@code ScaleUnit}): {@code out = sat32(roundShift(acc·n·r, 31 + e − 8) + bias)}. No activation buffer.
 *
 * <p>Input pacing: one beat per G cycles (the array holds each beat G cycles), and the first beat of a
 * token waits until {@code cyclesPerToken − (NB−1)·G} cycles after the previous token's last beat, so
 * a token's accumulators never land before the previous token's drain has read the one drain bank
 * (this is the golden Schedule's steady state; it only bites when the factor is later than the matmul).
 */
final class NormDeferredTop extends NormTop {
    NormDeferredTop(Op op, Params prm) {
        super(op, Variant.DEFERRED, prm);
        MacArray.Config cfg = MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q());
        Inst mac = macArray(cfg);
        mac.in("in_act", s.tdata());

        // ---- input pacing ----------------------------------------------------------------------------------
        Wire acceptLast = wire("in_accept_last", Type.bool());
        Signal gapOk = tokenGap(acceptLast, (long) Math.ceil(schedule.cyclesPerToken()) - (long) (nb() - 1) * groups());
        mac.in("in_valid", s.tvalid().and(gapOk));
        Signal ready = mac.out("in_ready").and(gapOk).and(en).named("in_ready");
        s.tready().set(ready);
        Signal accept = s.tvalid().and(ready).named("in_accept");
        Signal lastBeat = inputBeatCounter(accept);
        acceptLast.set(accept.and(lastBeat));

        // ---- reduction beside the array, on the beat in the array's input register -------------------------
        Signal beatLast = stage("beat_last", acceptLast);
        NormFactor f = normFactor(mac.out("beat_valid"), beatLast, mac.out("beat_act"), true);
        deferredOutput(mac, cfg.accBits(), f.valid(), f.value(), f.exp(), Formats.NORM_OUT_FRAC);
    }
}
