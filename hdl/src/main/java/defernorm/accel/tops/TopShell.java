package defernorm.accel.tops;

import defernorm.accel.units.ActivationBuffer;
import defernorm.accel.units.BankSlots;
import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.DrainSequencer;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.OutputStage;
import defernorm.accel.units.RescaleLanes;
import defernorm.accel.units.ScaleUnit;
import defernorm.accel.units.StatsFormat;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.hdl.AxiStream;
import defernorm.hdl.Inst;
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
 * the datapath holds, so nothing is lost or duplicated. Subclasses build one variant's datapath from the
 * shared pieces here: configuration decode, the front ({@link ActivationBuffer} and the line-rate ingest),
 * the collective, the drain ({@link DrainSequencer}) and the two outputs (an {@link OutputStage} or a
 * {@link ScaleUnit} into the m_axis register); each reports the {@link PipelineDepths} it was built with
 * ({@link #depths()}).
 *
 * <p>The same datapath classes build a tile of a system ({@link Placement#tile}, docs/system.md): then
 * {@code en} is an input, the statistic leaves through {@code stat_*} and the reduced one comes back through
 * {@code glob_*} (in place of the C-register collective), and the drained groups leave through
 * {@code part_*} (no output stage). A system top ({@link Placement#system}) has the single top's outside
 * and builds the root's output stage with {@link #rootOutput}.
 */
public abstract class TopShell extends Module {
    /** Factors a deferred top holds between its factor register and the drain (docs/microarchitecture.md). */
    static final int FACTOR_SLOTS = 4;
    /**
     * Edges from a buffer read (or a normalize lane's output register) to the MAC array accepting the beat:
     * the array's input register loads on the edge after its {@code in_valid} is presented.
     */
    static final int ARRAY_ACCEPT = 1;

    protected final Op op;
    protected final Variant variant;
    protected final Params prm;
    protected final Placement placement;
    protected final ConfigMap map;
    protected final AxiStream s;
    /** The output stream (null in a tile). */
    protected final AxiStream m;
    /** Whole-pipeline enable. */
    protected final Signal en;
    protected final Signal cfgWe;
    protected final Signal cfgAddr;
    protected final Signal cfgData;
    private final Reg mValid;
    private final Reg mData;
    private final Reg mLast;
    private PipelineDepths depths;
    private Reg constant;
    private StatsFormat statsFormat;
    private OutputPlan outputPlan;

    TopShell(Op op, Variant variant, Params prm) {
        this(op, variant, prm, Placement.single(), TopName.of(op, variant, prm));
    }

    /**
     * @param prm       the shape this module sees: a tile's own (n/T elements, P lanes), or a system's outside
     *                  (n, T·P lanes)
     * @param placement single top, tile or system outside
     * @param name      the Verilog module name
     */
    protected TopShell(Op op, Variant variant, Params prm, Placement placement, String name) {
        super(name);
        TopLimits.check(op, variant, prm);
        this.op = op;
        this.variant = variant;
        this.prm = prm;
        this.placement = placement;
        this.map = ConfigMap.of(op, variant, prm);
        cfgWe = input("cfg_we", Type.bool());
        cfgAddr = input("cfg_addr", Type.uint(map.addrBits()));
        cfgData = input("cfg_wdata", Type.uint(map.dataBits()));
        s = ports("s_axis", new AxiStream(prm.p() * Formats.DATA_BITS), Role.SLAVE);
        if (placement.isTile()) {
            m = null;
            mValid = mData = mLast = null;
            en = input("en", Type.bool());
            return;
        }
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

    /** The length of the whole vector: n, or T·n/T in a tile (the factor chain and the normalize lane use it). */
    int systemN() { return prm.n() * placement.tiles(); }

    /** Beats of P lanes over the whole vector: sizes the statistic accumulators for the reduced (global) value. */
    int statBeats() { return nb() * placement.tiles(); }

    protected final int nb() { return prm.beats(); }

    protected final int groups() { return prm.groups(); }

    /** The pipeline depths this top was built with, as its units report them (what the golden Schedule is handed). */
    public final PipelineDepths depths() {
        if (depths == null) throw new IllegalStateException(getClass().getSimpleName() + " did not report its depths.");
        return depths;
    }

    /** Records the depths the subclass built (once, at the end of its constructor). */
    protected final void built(PipelineDepths d) {
        depths = d;
    }

    /** A tile's statistic word layout (null without a collective). */
    public final StatsFormat statsFormat() { return statsFormat; }

    /** What the root must build for a tile's drained groups (null until the tile's output is built). */
    public final OutputPlan outputPlan() { return outputPlan; }

    /**
     * The root's stage for a tile's groups: {@code scaled} false: {@code sat32((acc << up) + bias)} (an
     * {@link OutputStage}); true: {@code sat32(roundShift(acc·factor, 31 + exp − outFrac) + bias)} (a
     * {@link ScaleUnit} with {@code factorBits}-bit factors). {@code accBits}: a tile's accumulator width.
     */
    public record OutputPlan(boolean scaled, int accBits, int up, int factorBits, int outFrac) {}

    /** The groups a drain issues into the output side: issue, last, group (null when G = 1), Q accumulators. */
    public record Drained(Signal valid, Signal last, Signal group, Signal acc) {}

    // ---- configuration decode ------------------------------------------------------------------------------

    /** High when a configuration word for addresses [base, base+count) is written. */
    protected final Signal cfgHit(int base, int count) {
        Signal lo = base == 0 ? lit(1, Type.bool()) : cfgAddr.ge(base);
        Signal hi = base + count > (1L << map.addrBits()) - 1 ? lit(1, Type.bool()) : cfgAddr.lt(base + count);
        return cfgWe.and(lo).and(hi);
    }

    /** The configuration address relative to {@code base}, {@code bits} wide. */
    protected final Signal cfgLocal(int base, int bits) {
        Signal rel = base == 0 ? cfgAddr : cfgAddr.minus(base).asUnsigned();
        return fit(rel, bits);
    }

    /** The low {@code bits} of {@code cfg_wdata}. */
    protected final Signal cfgWord(int bits) {
        return fit(cfgData, bits);
    }

    /** The MAC array instance {@code mac}, its weight write port on the weight region and its enable connected. */
    Inst macArray(MacArray unit) {
        Inst mac = instance("mac", unit);
        mac.in("w_we", cfgHit(map.weightBase(), map.weightWords()));
        mac.in("w_addr", cfgLocal(map.weightBase(), ConfigMap.bitsFor((long) nb() * groups() - 1)));
        mac.in("w_data", cfgWord(map.weightBits()));
        mac.in("en", en);
        return mac;
    }

    /** Connects an output unit's bias write port to the bias region. */
    private void connectBias(Inst out, int addrBits) {
        out.in("b_we", cfgHit(map.biasBase(), map.biasWords()));
        out.in("b_addr", cfgLocal(map.biasBase(), addrBits));
        out.in("b_data", cfgWord(map.biasBits()));
    }

    /**
     * The constant word (E or L), held in one register loaded by its configuration write. Like the weight and
     * bias memories it has no reset: configuration survives {@code rst}, which clears only the datapath's
     * state (docs/microarchitecture.md, "Reset").
     */
    Signal constantWord(int bits) {
        if (constant == null) {
            constant = reg("cfg_const", Type.uint(ConfigMap.CONST_BITS)).enable(cfgHit(map.constAddr(), 1));
            constant.set(cfgWord(ConfigMap.CONST_BITS));
        }
        return fit(constant, bits);
    }

    // ---- the front ---------------------------------------------------------------------------------------------

    /** A registered beat: {@code valid}, {@code last} (the token's last beat), {@code data}. */
    record Beat(Signal valid, Signal last, Signal data) {}

    /** The front as built: the buffer instance and the input handshake ({@code last}: on the token's last beat). */
    record Front(Inst buffer, Signal accept, Signal last) {
        /** Writes each accepted beat into the buffer at its handshake edge (write depth 0). */
        void writeAtHandshake(Signal data) {
            buffer.in("wr_en", accept).in("wr_last", last).in("wr_data", data);
        }

        /** The buffer read register's beat (loaded on the read edge). */
        Beat read() {
            return new Beat(buffer.out("rd_valid"), buffer.out("rd_last"), buffer.out("rd_data"));
        }
    }

    /**
     * The front every variant shares: an {@link ActivationBuffer} of {@code width}-bit words and the line-rate
     * ingest: {@code s_axis_tready} is the buffer's bank rule, gated by {@code en}. The caller connects the
     * buffer's write port (and, standard, its {@code factor_valid}); the drain connects its drain-bank rule.
     */
    Front front(int width) {
        Inst buf = instance("front", new ActivationBuffer(nb(), groups(), width, variant == Variant.STANDARD));
        buf.in("en", en);
        Signal ready = buf.out("in_ready").and(en).named("in_ready");
        s.tready().set(ready);
        Signal accept = s.tvalid().and(ready).named("in_accept");
        Signal last = inputBeatCounter(accept);
        buf.in("in_accept", accept).in("in_last", last);
        return new Front(buf, accept, last);
    }

    /**
     * Standard: the token's side word (factor, exponent, S1 or the final max) into its bank's slot when the
     * factor is there ({@code valid}: the cycle after the factor register loaded), which also lets the reader
     * start the token; returns the slot of the beat in the buffer read register.
     */
    Signal sideWord(Front f, Signal valid, Signal word) {
        f.buffer().in("factor_valid", valid);
        Inst slots = instance("side", new BankSlots(word.width()));
        slots.in("en", en).in("wr_en", valid).in("wr_data", word).in("rd_bank", f.buffer().out("rd_bank"));
        return slots.out("rd_data");
    }

    /**
     * Counts accepted input beats of a token; returns high on the token's last beat (combinational).
     * A debug flag {@code tlast_error} records a {@code s_axis_tlast} that disagrees with the count.
     */
    private Signal inputBeatCounter(Signal accept) {
        int bits = ConfigMap.bitsFor(nb() - 1);
        Reg cnt = reg("in_beat", Type.uint(bits)).resetTo(0).enable(en.and(accept));
        Signal last = nb() == 1 ? lit(1, Type.bool()) : cnt.eq(nb() - 1);
        cnt.set(nb() == 1 ? cnt : Signal.mux(last, lit(0, cnt.type()), cnt.plus(1).truncate(bits)));
        Reg err = reg("tlast_err_q", Type.bool()).resetTo(0).enable(en);
        err.set(err.or(accept.and(s.tlast().ne(last))));
        debug("tlast_error", err);
        return last.named("in_last_beat");
    }

    /** The input register (the reduction's input): loads the accepted beat at its handshake edge. */
    Beat inputRegister(Front f) {
        Reg data = reg("in_data_q", s.tdata().type()).resetTo(0).enable(en.and(f.accept()));
        data.set(s.tdata());
        return new Beat(stage("in_valid_q", f.accept()), stage("in_last_q", f.accept().and(f.last())), data);
    }

    // ---- the collective --------------------------------------------------------------------------------------------

    /** A reduced statistic: {@code valid} pulses once per token. */
    record Gathered(Signal valid, Signal data) {}

    /**
     * The collective after the statistic register ({@code valid} on the token's final value): a single top's
     * C registers ({@link CollectiveDelay}); a tile sends its statistic out ({@code stat_valid},
     * {@code stat_data}) and takes the reduced one back ({@code glob_valid}, {@code glob_data}), laid out as
     * {@code format} says.
     */
    Gathered collective(Signal valid, Signal data, StatsFormat format) {
        if (format.width() != data.width()) {
            throw new IllegalStateException("the statistic word is " + data.width() + " bits, its format " + format.width() + ".");
        }
        if (placement.isTile()) {
            statsFormat = format;
            output("stat_valid", Type.bool()).set(valid);
            output("stat_data", data.type()).set(data);
            return new Gathered(input("glob_valid", Type.bool()), input("glob_data", data.type()));
        }
        CollectiveDelay coll = new CollectiveDelay(data.width(), prm.c());
        Inst col = instance("collective", coll);
        if (coll.hasEnable()) col.in("en", en);
        col.in("in_valid", valid).in("in_data", data);
        return new Gathered(col.out("out_valid"), col.out("out_data"));
    }

    // ---- drain and output stages -------------------------------------------------------------------------------

    /** The drain sequencer, wired to the array's landing and drain read and to the buffer's drain-bank rule. */
    private Inst drain(Inst mac, Front f, DrainSequencer unit) {
        Inst d = instance("drain", unit);
        d.in("en", en).in("land", mac.out("drain_valid"));
        f.buffer().in("drain_start", d.out("start"));
        mac.in("rd_bank", d.out("bank"));
        if (groups() > 1) mac.in("rd_group", d.out("group"));
        return d;
    }

    /**
     * Matmul-only and standard output: the drain into an {@link OutputStage} ({@code sat32((acc << up) +
     * bias)}, its last register the m_axis register); a tile's drain leaves through its ports. Returns the
     * output depth it built (0 in a tile).
     */
    int standardOutput(Inst mac, Front f, int accBits, int up) {
        Inst d = drain(mac, f, new DrainSequencer(groups(), 0, 0));
        Drained out = new Drained(d.out("issue"), d.out("last"), groups() > 1 ? d.out("group") : null, mac.out("rd_data"));
        OutputPlan plan = new OutputPlan(false, accBits, up, 0, 0);
        if (placement.isTile()) return exposeDrain(plan, out, null, null);
        return rootOutput(plan, out, null, null);
    }

    /**
     * Deferred output: the drain waits for the token's accumulators and its factor ({@code factorValid}: the
     * cycle after the factor register loaded; factors queue in the sequencer's FIFO of {@link #FACTOR_SLOTS})
     * and feeds a {@link ScaleUnit}: {@code sat32(roundShift(acc·factor, 31 + exp − outFrac) + bias)}, its
     * last register the m_axis register. A tile's drain leaves through its ports; with a {@code shift} (a
     * softmax tile: M − m_t, beside the factor) its groups are first rescaled to the global maximum
     * ({@link RescaleLanes}). Returns the output depth it built (0 in a tile).
     */
    int deferredOutput(Inst mac, Front f, int accBits, Signal factorValid, Signal factor, Signal exp, int outFrac, Signal shift) {
        int fb = factor.width();
        int eb = exp.width();
        Signal word = shift == null ? Signal.cat(exp.asUnsigned(), factor) : Signal.cat(shift, exp.asUnsigned(), factor);
        Inst d = drain(mac, f, new DrainSequencer(groups(), word.width(), FACTOR_SLOTS));
        d.in("factor_valid", factorValid).in("factor_data", word);
        Signal held = d.out("factor");
        Signal acc = mac.out("rd_data");
        if (shift != null) {
            Inst rescale = instance("rescale", new RescaleLanes(prm.q(), accBits, shift.width()));
            rescale.in("in_acc", acc).in("in_shift", held.slice(word.width() - 1, fb + eb));
            acc = rescale.out("out_acc");
        }
        Drained out = new Drained(d.out("issue"), d.out("last"), groups() > 1 ? d.out("group") : null, acc);
        OutputPlan plan = new OutputPlan(true, accBits, 0, fb, outFrac);
        Signal heldFactor = held.slice(fb - 1, 0);
        Signal heldExp = held.slice(fb + eb - 1, fb).asSigned();
        if (placement.isTile()) return exposeDrain(plan, out, heldFactor, heldExp);
        return rootOutput(plan, out, heldFactor, heldExp);
    }

    /** A tile's drain side: {@code part_valid}, {@code part_last}, {@code part_group}, {@code part_acc} (and the factor). */
    private int exposeDrain(OutputPlan plan, Drained d, Signal factor, Signal exp) {
        outputPlan = plan;
        output("part_valid", Type.bool()).set(d.valid());
        output("part_last", Type.bool()).set(d.last());
        if (d.group() != null) output("part_group", d.group().type()).set(d.group());
        output("part_acc", d.acc().type()).set(d.acc());
        if (factor != null) {
            output("part_factor", factor.type()).set(factor);
            output("part_exp", exp.type()).set(exp);
        }
        return 0;
    }

    /**
     * The output stage {@code plan} names on the groups {@code d} (accumulators {@code accBits} wide per lane),
     * its last register the m_axis register: a single top's (after its drain) or a system's root (after the
     * output reduce). {@code factor} and {@code exp} only when {@code plan.scaled()}. Returns its depth.
     */
    protected final int rootOutput(OutputPlan plan, Drained d, int accBits, Signal factor, Signal exp) {
        Inst out;
        int latency;
        int biasBits;
        if (plan.scaled()) {
            ScaleUnit unit = new ScaleUnit(prm.q(), groups(), accBits, plan.factorBits(), plan.outFrac(), false);
            out = instance("scale", unit);
            out.in("in_factor", factor).in("in_exp", exp);
            latency = unit.latency();
            biasBits = unit.biasAddrBits();
        } else {
            OutputStage unit = new OutputStage(prm.q(), groups(), accBits, plan.up(), false);
            out = instance("out_stage", unit);
            latency = unit.latency();
            biasBits = unit.biasAddrBits();
        }
        connectBias(out, biasBits);
        out.in("en", en).in("in_valid", d.valid()).in("in_last", d.last()).in("in_acc", d.acc());
        if (groups() > 1) out.in("in_group", fit(d.group(), biasBits));
        drive(out.out("out_valid"), out.out("out_data"), out.out("out_last"));
        return latency;
    }

    private int rootOutput(OutputPlan plan, Drained d, Signal factor, Signal exp) {
        return rootOutput(plan, d, plan.accBits(), factor, exp);
    }

    /** Loads the m_axis register on the next enabled edge. */
    private void drive(Signal valid, Signal data, Signal last) {
        mValid.set(valid);
        mData.set(data);
        mLast.set(last);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A register loading {@code next} on every enabled edge, reset to 0. */
    protected final Signal stage(String name, Signal next) {
        Reg r = reg(name, next.type()).resetTo(0).enable(en);
        r.set(next);
        return r;
    }

    /**
     * {@code v} delayed by {@code cycles} enabled edges (registers {@code name_d1 ..}): a side signal kept
     * beside a unit of that depth, e.g. S1 beside the factor chain.
     */
    Signal delay(String name, Signal v, int cycles) {
        Signal cur = v;
        for (int i = 1; i <= cycles; i++) cur = stage(name + "_d" + i, cur);
        return cur;
    }

    /** Zero-extends or truncates a UInt to {@code bits}. */
    protected static Signal fit(Signal v, int bits) {
        if (v.width() == bits) return v;
        return v.width() > bits ? v.truncate(bits) : v.extend(bits);
    }
}
