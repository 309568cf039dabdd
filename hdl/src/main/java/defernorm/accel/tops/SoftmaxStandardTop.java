package defernorm.accel.tops;

import defernorm.accel.units.Exp2Unit;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.SoftmaxFront;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Inst;
import defernorm.hdl.Mem;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Softmax standard: the scores are accepted at full rate into the activation buffer and the online
 * reduction (max and den); once the factor is known each buffered beat is read back (one per G cycles),
 * {@code p = exp2(s·L − (M << 12))} with the token's final max M, {@code q = clamp(roundShift(p·r,
 * 31 + e − 7), 0, 127)} into the MAC array; the drained accumulators leave as {@code sat32((acc << 9) + bias)}.
 */
final class SoftmaxStandardTop extends SoftmaxTop {
    SoftmaxStandardTop(Params prm) {
        super(Variant.STANDARD, prm);
        int p = prm.p();
        int g = groups();

        // ---- input: full rate into the buffer and the input register ----------------------------------------------
        Reg bufFree = reg("buf_free", Type.bool()).resetTo(1).enable(en);
        // The array must be free again when this token's read-back starts: a token's last beat comes at
        // least NB*G cycles after the previous token's last beat (Schedule.cyclesPerToken).
        Wire acceptLast = wire("in_accept_last", Type.bool());
        Signal gapOk = tokenGap(acceptLast, (long) nb() * g - (nb() - 1));
        Signal ready = bufFree.and(gapOk).and(en).named("in_ready");
        s.tready().set(ready);
        Signal accept = s.tvalid().and(ready).named("in_accept");
        Signal lastBeat = inputBeatCounter(accept);
        acceptLast.set(accept.and(lastBeat));
        int beatBits = ConfigMap.bitsFor(nb() - 1);
        Mem buf = memory("act_buf", p * Formats.DATA_BITS, nb());
        Reg wrBeat = reg("buf_wr_beat", Type.uint(beatBits)).resetTo(0).enable(en.and(accept));
        wrBeat.set(nb() == 1 ? wrBeat : Signal.mux(lastBeat, lit(0, wrBeat.type()), wrBeat.plus(1).truncate(beatBits)));
        buf.write(en.and(accept), fit(wrBeat, buf.addrWidth()), s.tdata());
        Reg inData = reg("in_data_q", s.tdata().type()).resetTo(0).enable(en.and(accept));
        inData.set(s.tdata());
        Signal inValid = stage("in_valid_q", accept);
        Signal inLast = stage("in_last_q", accept.and(lastBeat));
        Signal l = constantWord(SoftmaxFront.L_BITS);
        Inst front = instance("front", new SoftmaxFront(p, nb(), true));
        front.in("en", en).in("in_valid", inValid).in("in_last", inLast).in("in_s", inData).in("in_l", l);
        Signal tokenEnd = front.out("out_valid").and(front.out("out_last"));
        Reg maxHold = reg("token_max", Type.sint(SoftmaxFront.MAX_BITS)).resetTo(0).enable(en.and(tokenEnd));
        maxHold.set(front.out("out_max"));
        SoftmaxFactor f = softmaxFactor(front.out("out_valid"), front.out("out_last"), front.out("out_p"), front.out("out_delta"));
        Reg rHold = reg("factor_r", f.r().type()).resetTo(0).enable(en.and(f.valid()));
        rHold.set(f.r());
        Reg shiftHold = reg("factor_shift", Type.uint(6)).resetTo(0).enable(en.and(f.valid()));
        shiftHold.set(shiftFor(f.e(), Formats.PROB_FRAC));

        // ---- read-back: beat 0 when the factor arrives, then one beat every G cycles --------------------------------
        int tickBits = ConfigMap.bitsFor(g);
        Reg rbBusy = reg("rb_busy", Type.bool()).resetTo(0).enable(en);
        Reg rbTick = reg("rb_tick", Type.uint(tickBits)).resetTo(0).enable(en);
        Reg rbBeat = reg("rb_beat", Type.uint(beatBits)).resetTo(0).enable(en);
        Signal issue = f.valid().or(rbBusy.and(rbTick.eq(g))).named("rb_issue");
        Signal rbLast = nb() == 1 ? lit(1, Type.bool()) : rbBeat.eq(nb() - 1);
        rbTick.set(Signal.mux(issue, lit(1, rbTick.type()), Signal.mux(rbTick.eq(g), rbTick, rbTick.plus(1).truncate(tickBits))));
        rbBeat.set(Signal.mux(issue, nb() == 1 ? rbBeat : Signal.mux(rbLast, lit(0, rbBeat.type()), rbBeat.plus(1).truncate(beatBits)), rbBeat));
        rbBusy.set(Signal.mux(issue, rbLast.not(), rbBusy));
        bufFree.set(Signal.mux(accept.and(lastBeat), lit(0, Type.bool()), Signal.mux(issue.and(rbLast), lit(1, Type.bool()), bufFree)));

        // ---- buffer read, u = s*L, exp (3), p*r; round + clamp feeds the array's input register -------------------
        if (Latencies.BUFFER_READ != 1 || Latencies.NORMALIZE_SOFTMAX_LANE != Latencies.SCORE_SCALE + Latencies.EXP + 2) {
            throw new IllegalStateException("the softmax read-back builds 1 buffer-read and SCORE_SCALE + EXP + 2 normalize registers; Latencies changed.");
        }
        Signal x = buf.read("buf_rd", fit(rbBeat, buf.addrWidth()), en.and(issue));
        Signal rv = stage("rb_valid_1", issue);
        Signal lSigned = l.extend(l.width() + 1).asSigned();
        List<Signal> us = new ArrayList<>();
        for (Signal si : lanes(x, p, Type.sint(Formats.DATA_BITS))) us.add(stage("norm_u_" + us.size(), si.times(lSigned)));
        rv = stage("rb_valid_2", rv);
        Signal r = rHold.extend(rHold.width() + 1).asSigned();
        List<Signal> acts = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            Inst e = instance("norm_exp_" + i, new Exp2Unit(SoftmaxFront.U_BITS, SoftmaxFront.MAX_BITS, true));
            e.in("en", en).in("in_valid", rv).in("in_u", us.get(i)).in("in_max", maxHold);
            Signal pi = e.out("out_p");
            Signal prob = stage("norm_prob_" + i, pi.extend(pi.width() + 1).asSigned().times(r));
            Signal q = roundShift(prob, shiftHold);
            Signal top = lit((1L << Formats.PROB_FRAC) - 1, q.type());
            Signal clamped = Signal.mux(q.gt(top), top, Signal.mux(q.lt(0), lit(0, q.type()), q));
            acts.add(clamped.slice(Formats.PROB_FRAC - 1, 0));
        }
        rv = delay("rb_valid_e", rv, Latencies.EXP + 1);

        MacArray.Config cfg = new MacArray.Config(p, prm.q(), nb(), g, Type.uint(Exp2.OUT_BITS), false, 0);
        Inst mac = instance("mac", new MacArray(cfg));
        connectWeights(mac, ConfigMap.bitsFor((long) nb() * g - 1));
        mac.in("en", en).in("in_valid", rv).in("in_act", pack(acts));
        DrainIssue d = drainSequencer(mac.out("drain_valid"));
        if (g > 1) mac.in("rd_group", d.group());
        outputStage(d, mac.out("rd_data"), cfg.accBits(), Formats.SOFTMAX_OUT_FRAC - Formats.PROB_FRAC);
    }
}
