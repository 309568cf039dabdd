package defernorm.accel.tops;

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
import java.util.ArrayList;
import java.util.List;

/**
 * The outside every top shares (docs/microarchitecture.md): {@code clk}, {@code rst}, the configuration
 * write port, {@code s_axis_*} (P int8 lanes) and {@code m_axis_*} (Q int32 lanes), plus the whole-pipeline
 * enable {@code en = !(m_axis_tvalid && !m_axis_tready)}: while the sink refuses a beat, every register of
 * the datapath holds, so nothing is lost or duplicated. Subclasses build one variant's datapath with the
 * shared pieces here: configuration decode, the drain sequencer and the two output stages.
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
    private Mem biasMem;

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

    /** Connects a MAC array's weight write port to the weight region. */
    void connectWeights(Inst mac, int addrBits) {
        mac.in("w_we", cfgHit(map.weightBase(), map.weightWords()));
        mac.in("w_addr", cfgLocal(map.weightBase(), addrBits));
        mac.in("w_data", cfgWord(map.weightBits()));
    }

    /** The bias memory: G words of Q int32 lanes, written through the bias region. */
    Mem biasMemory() {
        if (biasMem == null) {
            biasMem = memory("bias_mem", map.biasBits(), map.biasWords());
            biasMem.write(cfgHit(map.biasBase(), map.biasWords()), cfgLocal(map.biasBase(), biasMem.addrWidth()),
                    cfgWord(map.biasBits()));
        }
        return biasMem;
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
     * Matmul-only and standard output stage ({@link Latencies#OUTPUT} = 2 registers): the drain-bank read
     * with the bias read, then {@code sat32((acc << up) + bias)} into the m_axis register.
     */
    void outputStage(DrainIssue d, Signal rdData, int accBits, int up) {
        if (Latencies.OUTPUT != 2) throw new IllegalStateException("the output stage builds 2 registers, Latencies.OUTPUT is " + Latencies.OUTPUT);
        Signal v1 = stage("out_valid_1", d.issue());
        Signal l1 = stage("out_last_1", d.last());
        Signal acc1 = stage("out_acc_1", rdData);
        Mem bias = biasMemory();
        Signal b1 = bias.read("out_bias_1", fit(d.group(), bias.addrWidth()), en);
        List<Signal> lanes = new ArrayList<>();
        List<Signal> accs = lanes(acc1, prm.q(), Type.sint(accBits));
        List<Signal> biases = lanes(b1, prm.q(), Type.sint(Formats.BIAS_BITS));
        for (int c = 0; c < prm.q(); c++) {
            Signal a = up == 0 ? accs.get(c) : accs.get(c).shl(up);
            lanes.add(saturatingAdd(a, biases.get(c)));
        }
        drive(v1, pack(lanes), l1);
    }

    /**
     * Deferred final scale stage ({@link Latencies#FINAL_SCALE} = 4 registers): drain-bank read (and the
     * factor captured for the whole token when the drain starts), multiply by the factor, rounding shift,
     * bias add and saturation into the m_axis register.
     */
    void finalScaleStage(DrainIssue d, Signal start, Signal rdData, int accBits, Signal factor, Signal shift) {
        if (Latencies.FINAL_SCALE != 4) throw new IllegalStateException("the final scale stage builds 4 registers, Latencies.FINAL_SCALE is " + Latencies.FINAL_SCALE);
        Reg fq = reg("scale_factor", factor.type()).resetTo(0).enable(en.and(start));
        fq.set(factor);
        Reg sq = reg("scale_shift_1", shift.type()).resetTo(0).enable(en.and(start));
        sq.set(shift);
        Signal v1 = stage("scale_valid_1", d.issue());
        Signal l1 = stage("scale_last_1", d.last());
        Signal g1 = stage("scale_group_1", d.group());
        Signal acc1 = stage("scale_acc_1", rdData);
        Signal f = factor.type().signed() ? fq : fq.extend(fq.width() + 1).asSigned();
        List<Signal> prods = new ArrayList<>();
        List<Signal> accs = lanes(acc1, prm.q(), Type.sint(accBits));
        for (int c = 0; c < prm.q(); c++) prods.add(stage("scale_prod_" + c, accs.get(c).times(f)));
        Signal v2 = stage("scale_valid_2", v1);
        Signal l2 = stage("scale_last_2", l1);
        Signal g2 = stage("scale_group_2", g1);
        Signal s2 = stage("scale_shift_2", sq);
        List<Signal> rounded = new ArrayList<>();
        for (int c = 0; c < prm.q(); c++) rounded.add(stage("scale_round_" + c, roundShift(prods.get(c), s2)));
        Signal v3 = stage("scale_valid_3", v2);
        Signal l3 = stage("scale_last_3", l2);
        Mem bias = biasMemory();
        Signal b3 = bias.read("scale_bias_3", fit(g2, bias.addrWidth()), en);
        List<Signal> biases = lanes(b3, prm.q(), Type.sint(Formats.BIAS_BITS));
        List<Signal> lanes = new ArrayList<>();
        for (int c = 0; c < prm.q(); c++) lanes.add(saturatingAdd(rounded.get(c), biases.get(c)));
        drive(v3, pack(lanes), l3);
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

    /** {@code s} delayed by {@code cycles} enabled edges. */
    Signal delay(String name, Signal s, int cycles) {
        Signal cur = s;
        for (int i = 1; i <= cycles; i++) cur = stage(name + "_d" + i, cur);
        return cur;
    }

    /** {@code sat32(a + b)} for signed a and an int32 b, as UInt(32) bits. */
    Signal saturatingAdd(Signal a, Signal b) {
        int w = Math.max(a.width(), b.width());
        Signal sum = a.extend(w).plus(b.extend(w));
        return saturate(sum, Formats.OUT_BITS).asUnsigned();
    }

    /** Saturates a signed value to {@code bits} bits (Saturate.signed), as SInt(bits). */
    Signal saturate(Signal v, int bits) {
        if (v.width() <= bits) return v.extend(bits);
        Signal hi = lit((1L << (bits - 1)) - 1, v.type());
        Signal lo = lit(-(1L << (bits - 1)), v.type());
        return Signal.mux(v.gt(hi), hi, Signal.mux(v.lt(lo), lo, v)).truncate(bits);
    }

    /** Rounding.roundShift(v, s) (round half up) for a variable UInt shift: {@code ((2v >> s) + 1) >> 1}. */
    Signal roundShift(Signal v, Signal s) {
        int w = v.width();
        Signal twice = v.shl(1);
        int amtBits = ConfigMap.bitsFor(w + 1);
        Signal amt = fit(s, Math.max(amtBits, s.width()));
        if (s.width() > amtBits) {
            amt = Signal.mux(amt.gt(w + 1), lit(w + 1, amt.type()), amt);
        }
        Signal shifted = twice.shr(amt);
        return shifted.plus(1).shr(1).truncate(w);
    }

    /** Zero-extends or truncates a UInt to {@code bits}. */
    static Signal fit(Signal v, int bits) {
        if (v.width() == bits) return v;
        return v.width() > bits ? v.truncate(bits) : v.extend(bits);
    }

    /** Splits a packed bus into lanes of {@code t}, lane 0 in the low bits. */
    static List<Signal> lanes(Signal bus, int count, Type t) {
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Signal raw = bus.slice((i + 1) * t.width() - 1, i * t.width());
            out.add(t.signed() ? raw.asSigned() : raw);
        }
        return out;
    }

    /** Packs lanes, lane 0 in the low bits, into one UInt bus. */
    static Signal pack(List<Signal> lanes) {
        Signal[] msbFirst = new Signal[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            Signal l = lanes.get(i);
            msbFirst[lanes.size() - 1 - i] = l.type().signed() ? l.asUnsigned() : l;
        }
        return msbFirst.length == 1 ? msbFirst[0] : Signal.cat(msbFirst);
    }
}
