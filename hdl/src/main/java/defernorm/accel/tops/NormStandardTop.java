package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
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
 * LayerNorm/RMSNorm standard: a token's beats are accepted at full rate into the activation buffer
 * (NB words of P int8) and the reduction; once the factor r is known the buffer is read back one beat per
 * G cycles, each lane normalized {@code u = (n·x − S1)·r} (RMSNorm {@code n·x·r}) and requantized
 * {@code a = sat8(roundShift(u, 31 + e − 4))} into the MAC array; the drained accumulators leave as
 * {@code sat32((acc << 4) + bias)}. One buffer: the next token is accepted on the edge after the previous
 * token's last buffer read.
 */
final class NormStandardTop extends NormTop {
    NormStandardTop(Op op, Params prm) {
        super(op, Variant.STANDARD, prm);
        int p = prm.p();
        int n = prm.n();
        int g = groups();

        // ---- input: full rate into the buffer and the input register -----------------------------------------
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
        buf.write(en.and(accept), TopShell.fit(wrBeat, buf.addrWidth()), s.tdata());
        Reg inData = reg("in_data_q", s.tdata().type()).resetTo(0).enable(en.and(accept));
        inData.set(s.tdata());
        Signal inValid = stage("in_valid_q", accept);
        Signal inLast = stage("in_last_q", accept.and(lastBeat));
        NormFactor f = normFactor(inValid, inLast, inData, false, Formats.NORM_ACT_FRAC);

        // ---- read-back: beat 0 when the factor arrives, then one beat every G cycles ---------------------------
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

        // ---- buffer read register, then the normalize lane (center, multiply; round + saturate feeds the array) --
        if (Latencies.BUFFER_READ != 1 || Latencies.NORMALIZE_LANE != 3) {
            throw new IllegalStateException("the standard read-back builds 1 buffer-read and 3 normalize registers; Latencies changed.");
        }
        Signal x = buf.read("buf_rd", TopShell.fit(rbBeat, buf.addrWidth()), en.and(issue));
        Signal rv1 = stage("rb_valid_1", issue);
        Signal nSig = lit(n, Type.sint(ConfigMap.bitsFor(n) + 1));
        Signal r = f.value().extend(f.value().width() + 1).asSigned();
        List<Signal> centeredLanes = new ArrayList<>();
        for (Signal xi : lanes(x, p, Type.sint(Formats.DATA_BITS))) {
            Signal c = xi.times(nSig);
            if (centered()) {
                int w = Math.max(c.width(), f.s1().width());
                c = c.extend(w).minus(f.s1().extend(w));
            }
            centeredLanes.add(c);
        }
        List<Signal> cq = new ArrayList<>();
        for (int i = 0; i < p; i++) cq.add(stage("norm_center_" + i, centeredLanes.get(i)));
        Signal rv2 = stage("rb_valid_2", rv1);
        List<Signal> uq = new ArrayList<>();
        for (int i = 0; i < p; i++) uq.add(stage("norm_scaled_" + i, cq.get(i).times(r)));
        Signal rv3 = stage("rb_valid_3", rv2);
        List<Signal> acts = new ArrayList<>();
        for (int i = 0; i < p; i++) acts.add(saturate(roundShift(uq.get(i), f.shift()), Formats.DATA_BITS));

        MacArray.Config cfg = MacArray.Config.int8(n, prm.m(), p, prm.q());
        Inst mac = instance("mac", new MacArray(cfg));
        connectWeights(mac, ConfigMap.bitsFor((long) nb() * g - 1));
        mac.in("en", en);
        mac.in("in_valid", rv3);
        mac.in("in_act", pack(acts));
        DrainIssue d = drainSequencer(mac.out("drain_valid"));
        if (g > 1) mac.in("rd_group", d.group());
        outputStage(d, mac.out("rd_data"), cfg.accBits(), Formats.NORM_OUT_FRAC - Formats.NORM_ACT_FRAC);
    }
}
