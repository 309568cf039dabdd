package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.accel.units.OutputStage;
import defernorm.accel.units.ScaleUnit;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Latencies;
import defernorm.golden.timing.Schedule;
import defernorm.hdl.AxiStream;
import defernorm.hdl.Inst;
import defernorm.hdl.Mem;
import defernorm.hdl.Module;
import defernorm.hdl.Reg;
import defernorm.hdl.Role;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * The outside every top shares (docs/microarchitecture.md): {@code clk}, {@code rst}, the configuration
 * write port, {@code s_axis_*} (P int8 lanes) and {@code m_axis_*} (Q int32 lanes), plus the whole-pipeline
 * enable {@code en = !(m_axis_tvalid && !m_axis_tready)}: while the sink refuses a beat, every register of
 * the datapath holds, so nothing is lost or duplicated. Subclasses build one variant's datapath with the
 * shared pieces here: configuration decode, input pacing, the standard variants' activation buffer, the
 * drain sequencer and the two outputs (an {@link OutputStage} or a {@link ScaleUnit} into the m_axis register).
 */
abstract class TopShell extends Module {
    final Op op;
    final Variant variant;
    final Params prm;
    final ConfigMap map;
    final Schedule schedule;
    final AxiStream s;
    final AxiStream m;
    /** Whole-pipeline enable. */
    final Signal en;
    final Signal cfgWe;
    final Signal cfgAddr;
    final Signal cfgData;
    private final Reg mValid;
    private final Reg mData;
    private final Reg mLast;

    TopShell(Op op, Variant variant, Params prm) {
        super(TopName.of(op, variant, prm));
        this.op = op;
        this.variant = variant;
        this.prm = prm;
        this.map = ConfigMap.of(op, variant, prm);
        this.schedule = new Schedule(op, variant, prm);
        cfgWe = input("cfg_we", Type.bool());
        cfgAddr = input("cfg_addr", Type.uint(map.addrBits()));
        cfgData = input("cfg_wdata", Type.uint(map.dataBits()));
        s = ports("s_axis", new AxiStream(prm.p() * Formats.DATA_BITS), Role.SLAVE);
        m = ports("m_axis", new AxiStream(prm.q() * Formats.OUT_BITS), Role.MASTER);
        Wire enW = wire("en", Type.bool());
        mValid = reg("m_valid_q", Type.bool()).resetTo(0).enable(enW);
        mData = reg("m_data_q", Type.uint(prm.q() * Formats.OUT_BITS)).resetTo(0).enable(enW);
        mLast = reg("m_last_q", Type.bool()).resetTo(0).enable(enW);
        enW.set(mValid.and(m.tready().not()).not());
        en = enW;
        m.tvalid().set(mValid);
        m.tdata().set(mData);
        m.tlast().set(mLast);
    }

    int nb() { return prm.beats(); }

    int groups() { return prm.groups(); }

    // ---- configuration decode ------------------------------------------------------------------------------

    /** High when a configuration word for addresses [base, base+count) is written. */
    Signal cfgHit(int base, int count) {
        Signal lo = base == 0 ? lit(1, Type.bool()) : cfgAddr.ge(base);
        Signal hi = base + count > (1L << map.addrBits()) - 1 ? lit(1, Type.bool()) : cfgAddr.lt(base + count);
        return cfgWe.and(lo).and(hi);
    }

    /** The configuration address relative to {@code base}, {@code bits} wide. */
    Signal cfgLocal(int base, int bits) {
        Signal rel = base == 0 ? cfgAddr : cfgAddr.minus(base).asUnsigned();
        return fit(rel, bits);
    }

    /** The low {@code bits} of {@code cfg_wdata}. */
    Signal cfgWord(int bits) {
        return fit(cfgData, bits);
    }

    /** The MAC array {@code mac}, its weight write port on the weight region and its enable connected. */
    Inst macArray(MacArray.Config cfg) {
        Inst mac = instance("mac", new MacArray(cfg));
        connectWeights(mac, ConfigMap.bitsFor((long) nb() * groups() - 1));
        mac.in("en", en);
        return mac;
    }

    /** Connects a MAC array's weight write port to the weight region. */
    private void connectWeights(Inst mac, int addrBits) {
        mac.in("w_we", cfgHit(map.weightBase(), map.weightWords()));
        mac.in("w_addr", cfgLocal(map.weightBase(), addrBits));
        mac.in("w_data", cfgWord(map.weightBits()));
    }

    /** Connects an output unit's bias write port to the bias region. */
    private void connectBias(Inst out, int addrBits) {
        out.in("b_we", cfgHit(map.biasBase(), map.biasWords()));
        out.in("b_addr", cfgLocal(map.biasBase(), addrBits));
        out.in("b_data", cfgWord(map.biasBits()));
    }

    /** The constant word (E or L), held in a register loaded by its configuration write. */
    Signal constantWord(int bits) {
        Reg c = reg("cfg_const", Type.uint(ConfigMap.CONST_BITS)).resetTo(0).enable(cfgHit(map.constAddr(), 1));
        c.set(cfgWord(ConfigMap.CONST_BITS));
        return fit(c, bits);
    }

    // ---- input side ------------------------------------------------------------------------------------------

    /**
     * Counts accepted input beats of a token; returns high on the token's last beat (combinational).
     * A debug flag {@code tlast_error} records a {@code s_axis_tlast} that disagrees with the count.
     */
    Signal inputBeatCounter(Signal accept) {
        int bits = ConfigMap.bitsFor(nb() - 1);
        Reg cnt = reg("in_beat", Type.uint(bits)).resetTo(0).enable(en.and(accept));
        Signal last = nb() == 1 ? lit(1, Type.bool()) : cnt.eq(nb() - 1);
        cnt.set(nb() == 1 ? cnt : Signal.mux(last, lit(0, cnt.type()), cnt.plus(1).truncate(bits)));
        Reg err = reg("tlast_err_q", Type.bool()).resetTo(0).enable(en);
        err.set(err.or(accept.and(s.tlast().ne(last))));
        debug("tlast_error", err);
        return last.named("in_last_beat");
    }

    /**
     * Input pacing for tops whose array sits behind a front pipeline: a beat is allowed {@code G} cycles after
     * the previous accepted beat, and a token's first beat {@code gapMin} cycles after the previous token's
     * last. {@code accept} and {@code lastBeat} are wires set by the caller from the returned readiness.
     */
    Signal paced(Signal accept, Signal lastBeat, long gapMin) {
        long top = Math.max(gapMin, groups());
        int bits = ConfigMap.bitsFor(top);
        Reg since = reg("in_since", Type.uint(bits)).resetTo(top).enable(en);
        Reg afterLast = reg("in_after_last", Type.bool()).resetTo(1).enable(en);
        since.set(Signal.mux(accept, lit(1, since.type()), Signal.mux(since.eq(top), since, since.plus(1).truncate(bits))));
        afterLast.set(Signal.mux(accept, lastBeat, afterLast));
        return Signal.mux(afterLast, since.ge(gapMin), since.ge(groups())).named("in_paced");
    }

    /**
     * High once at least {@code gapMin} enabled cycles have passed since the last beat of the previous token
     * ({@code acceptLast}, a handshake on a token's last beat); always high before the first token.
     */
    Signal tokenGap(Signal acceptLast, long gapMin) {
        int bits = ConfigMap.bitsFor(gapMin);
        Reg gap = reg("token_gap", Type.uint(bits)).resetTo(gapMin).enable(en);
        Signal ok = gap.eq(gapMin).named("token_gap_ok");
        gap.set(Signal.mux(acceptLast, lit(1, gap.type()), Signal.mux(ok, gap, gap.plus(1).truncate(bits))));
        return ok;
    }

    /**
     * The standard variants' input side: beats are accepted at full rate into the activation buffer (NB words
     * of P int8) and, through the input register ({@link #in}), into the reduction; {@link #readBack} then
     * reads the token back one beat per G cycles. One buffer: the next token is accepted on the edge after the
     * previous token's last buffer read. Nested here because it builds registers of the enclosing top.
     */
    final class ActivationBuffer {
        /** The input register's beat, for the reduction or the exp front. */
        final Beat in;
        private final Reg bufFree;
        private final Signal acceptLastBeat;
        private final Mem buf;
        private final int beatBits;

        ActivationBuffer() {
            bufFree = reg("buf_free", Type.bool()).resetTo(1).enable(en);
            // The array must be free again when this token's read-back starts: a token's last beat comes at
            // least NB*G cycles after the previous token's last beat (Schedule.cyclesPerToken).
            Wire acceptLast = wire("in_accept_last", Type.bool());
            Signal gapOk = tokenGap(acceptLast, (long) nb() * groups() - (nb() - 1));
            Signal ready = bufFree.and(gapOk).and(en).named("in_ready");
            s.tready().set(ready);
            Signal accept = s.tvalid().and(ready).named("in_accept");
            Signal lastBeat = inputBeatCounter(accept);
            acceptLastBeat = accept.and(lastBeat);
            acceptLast.set(acceptLastBeat);
            beatBits = ConfigMap.bitsFor(nb() - 1);
            buf = memory("act_buf", prm.p() * Formats.DATA_BITS, nb());
            Reg wrBeat = reg("buf_wr_beat", Type.uint(beatBits)).resetTo(0).enable(en.and(accept));
            wrBeat.set(nb() == 1 ? wrBeat : Signal.mux(lastBeat, lit(0, wrBeat.type()), wrBeat.plus(1).truncate(beatBits)));
            buf.write(en.and(accept), fit(wrBeat, buf.addrWidth()), s.tdata());
            in = inputRegister(accept, acceptLastBeat);
        }

        /**
         * Reads the buffered token back: beat 0 on the edge {@code start} (the factor's valid) is high, then
         * one beat every G cycles. Returns the buffer read register's beat ({@link Latencies#BUFFER_READ} = 1).
         */
        Beat readBack(Signal start) {
            if (Latencies.BUFFER_READ != 1) throw new IllegalStateException("the read-back builds 1 buffer-read register, Latencies.BUFFER_READ is " + Latencies.BUFFER_READ);
            int g = groups();
            int tickBits = ConfigMap.bitsFor(g);
            Reg rbBusy = reg("rb_busy", Type.bool()).resetTo(0).enable(en);
            Reg rbTick = reg("rb_tick", Type.uint(tickBits)).resetTo(0).enable(en);
            Reg rbBeat = reg("rb_beat", Type.uint(beatBits)).resetTo(0).enable(en);
            Signal issue = start.or(rbBusy.and(rbTick.eq(g))).named("rb_issue");
            Signal rbLast = nb() == 1 ? lit(1, Type.bool()) : rbBeat.eq(nb() - 1);
            rbTick.set(Signal.mux(issue, lit(1, rbTick.type()), Signal.mux(rbTick.eq(g), rbTick, rbTick.plus(1).truncate(tickBits))));
            rbBeat.set(Signal.mux(issue, nb() == 1 ? rbBeat : Signal.mux(rbLast, lit(0, rbBeat.type()), rbBeat.plus(1).truncate(beatBits)), rbBeat));
            rbBusy.set(Signal.mux(issue, rbLast.not(), rbBusy));
            bufFree.set(Signal.mux(acceptLastBeat, lit(0, Type.bool()), Signal.mux(issue.and(rbLast), lit(1, Type.bool()), bufFree)));
            Signal x = buf.read("buf_rd", fit(rbBeat, buf.addrWidth()), en.and(issue));
            return new Beat(stage("rb_valid_1", issue), stage("rb_last_1", issue.and(rbLast)), x);
        }
    }

    /** A registered input beat: {@code valid}, {@code last} (the token's last beat), {@code data} (P int8 lanes). */
    record Beat(Signal valid, Signal last, Signal data) {}

    /** The input register: loads the accepted beat; its valid and token-last flags beside it. */
    Beat inputRegister(Signal accept, Signal acceptLast) {
        Reg data = reg("in_data_q", s.tdata().type()).resetTo(0).enable(en.and(accept));
        data.set(s.tdata());
        return new Beat(stage("in_valid_q", accept), stage("in_last_q", acceptLast), data);
    }

    // ---- drain and output stages -------------------------------------------------------------------------------

    /** One drain issue per cycle: group {@code group} of the drain bank is read on this cycle's edge. */
    record DrainIssue(Signal issue, Signal group, Signal last) {}

    /** Issues G drain reads, one per enabled cycle, starting in the cycle {@code start} is high. */
    DrainIssue drainSequencer(Signal start) {
        int bits = ConfigMap.bitsFor(groups() - 1);
        Reg cnt = reg("drain_cnt", Type.uint(bits)).resetTo(0).enable(en);
        Reg busy = reg("drain_busy", Type.bool()).resetTo(0).enable(en);
        Signal issue = start.or(busy).named("drain_issue");
        Signal lastG = groups() == 1 ? lit(1, Type.bool()) : cnt.eq(groups() - 1);
        cnt.set(groups() == 1 ? cnt : Signal.mux(issue, Signal.mux(lastG, lit(0, cnt.type()), cnt.plus(1).truncate(bits)), cnt));
        busy.set(issue.and(lastG.not()));
        return new DrainIssue(issue, cnt, issue.and(lastG).named("drain_last"));
    }

    /**
     * Matmul-only and standard output: drains the array when its accumulators land, through an
     * {@link OutputStage} ({@link Latencies#OUTPUT} = 2 registers, the second the m_axis register):
     * {@code sat32((acc << up) + bias)}.
     */
    void standardOutput(Inst mac, int accBits, int up) {
        DrainIssue d = drainSequencer(mac.out("drain_valid"));
        if (groups() > 1) mac.in("rd_group", d.group());
        OutputStage unit = new OutputStage(prm.q(), groups(), accBits, up, false);
        Inst out = instance("out_stage", unit);
        connectBias(out, unit.biasAddrBits());
        out.in("en", en).in("in_valid", d.issue()).in("in_last", d.last()).in("in_acc", mac.out("rd_data"));
        if (groups() > 1) out.in("in_group", fit(d.group(), unit.biasAddrBits()));
        drive(out.out("out_valid"), out.out("out_data"), out.out("out_last"));
    }

    /**
     * Deferred output: drains the array once both its accumulators ({@code drain_valid}) and the token's
     * factor ({@code factorValid}) are there, whichever comes first waiting for the other, through a
     * {@link ScaleUnit} ({@link Latencies#FINAL_SCALE} = 4 registers, the last the m_axis register):
     * {@code sat32(roundShift(acc·factor, 31 + exp − outFrac) + bias)}. The factor and exponent are held
     * from the drain start for all G drain reads.
     */
    void deferredOutput(Inst mac, int accBits, Signal factorValid, Signal factor, Signal exp, int outFrac) {
        Reg accPend = reg("acc_pending", Type.bool()).resetTo(0).enable(en);
        Reg facPend = reg("factor_pending", Type.bool()).resetTo(0).enable(en);
        Signal accAvail = mac.out("drain_valid").or(accPend);
        Signal facAvail = factorValid.or(facPend);
        Signal start = accAvail.and(facAvail).named("drain_start");
        accPend.set(accAvail.and(start.not()));
        facPend.set(facAvail.and(start.not()));
        DrainIssue d = drainSequencer(start);
        if (groups() > 1) mac.in("rd_group", d.group());

        Reg factorHeld = reg("scale_factor", factor.type()).resetTo(0).enable(en.and(start));
        factorHeld.set(factor);
        Reg expHeld = reg("scale_exp", exp.type()).resetTo(0).enable(en.and(start));
        expHeld.set(exp);
        ScaleUnit unit = new ScaleUnit(prm.q(), groups(), accBits, factor.width(), outFrac, false);
        Inst out = instance("scale", unit);
        connectBias(out, unit.biasAddrBits());
        out.in("en", en).in("in_valid", d.issue()).in("in_last", d.last()).in("in_acc", mac.out("rd_data"))
                .in("in_factor", Signal.mux(start, factor, factorHeld)).in("in_exp", Signal.mux(start, exp, expHeld));
        if (groups() > 1) out.in("in_group", fit(d.group(), unit.biasAddrBits()));
        drive(out.out("out_valid"), out.out("out_data"), out.out("out_last"));
    }

    /** Loads the m_axis register on the next enabled edge. */
    void drive(Signal valid, Signal data, Signal last) {
        mValid.set(valid);
        mData.set(data);
        mLast.set(last);
    }

    // ---- arithmetic helpers ------------------------------------------------------------------------------------

    /** A register loading {@code next} on every enabled edge, reset to 0. */
    Signal stage(String name, Signal next) {
        Reg r = reg(name, next.type()).resetTo(0).enable(en);
        r.set(next);
        return r;
    }

    /** Zero-extends or truncates a UInt to {@code bits}. */
    static Signal fit(Signal v, int bits) {
        if (v.width() == bits) return v;
        return v.width() > bits ? v.truncate(bits) : v.extend(bits);
    }
}
