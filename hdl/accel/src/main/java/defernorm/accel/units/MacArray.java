package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.hdl.Mem;
import defernorm.hdl.Output;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * The matrix unit: an input-stationary P&times;Q int8 MAC array with its weight memory and m = G&middot;Q
 * double-buffered accumulators (docs/microarchitecture.md). Each accepted beat (P activations) is held in
 * the array's input register for G cycles; on its g-th cycle the array multiplies it with weight word
 * {@code k·G + g} (the P&times;Q tile of beat k, group g) and adds the Q column sums into accumulators
 * {@code acc[g][0..Q-1]}. When a token's last partial sum lands, the whole bank moves, in the same cycle,
 * into one of two drain banks (token t into bank t mod 2, counted from reset) and {@code drain_valid} rises;
 * the next token's beats enter with no bubble. The drain reads a bank while the other one fills.
 *
 * <p>Pipeline (each a named register level, enabled by {@code en}): input register + weight read, one
 * multiplier level {@code mul_r<r>_c<c>}, one adder-tree level per {@code ceil(log2 P)}
 * ({@code col<c>_l<l>_<i>}), the accumulators. A beat's group-g sum lands {@link #latency()} edges after the
 * edge that issued it (the edge the input register accepted the beat, for group 0).
 *
 * <p>Ports:
 * <ul>
 *   <li>{@code en}: pipeline enable (low: every register holds).</li>
 *   <li>{@code w_we}, {@code w_addr}, {@code w_data}: weight memory write port (not gated by {@code en});
 *       word {@code k·G+g} holds {@code W[kP+r][gQ+c]} as int8 at bits {@code (r·Q+c)·8}.</li>
 *   <li>{@code in_valid}, {@code in_act} (P lanes of the activation type, lane 0 low) &rarr;
 *       {@code in_ready}: a beat is accepted on an edge with {@code en && in_valid && in_ready};
 *       {@code in_ready} is high once the held beat's G ops have all issued, so beats offered one per G
 *       cycles are accepted with no idle cycle in the array.</li>
 *   <li>{@code in_shift} (only with rescale): rounding right shift ({@code Rounding.roundShift}) applied to
 *       all m accumulators of the token as this beat's partial sums land
 *       ({@code acc = roundShift(acc, shift) + sum}, softmax's running-max rescale).</li>
 *   <li>{@code drain_valid}: one cycle (while {@code en}) after a token's accumulators moved to its drain bank;
 *       {@code rd_bank} and {@code rd_group} (only when G &gt; 1) select the bank and group whose Q lanes
 *       appear on {@code rd_data} (accumulator width, lane 0 low; combinational).</li>
 * </ul>
 *
 * <pre>{@code
 * MacArray mac = new MacArray(MacArray.Config.int8(64, 32, 8, 4));   // MacArray_P8_Q4_NB8_G8_A8S
 * }</pre>
 */
public final class MacArray extends PipelinedUnit {

    /**
     * Shape and formats of a MAC array.
     *
     * @param p       rows: activations per beat
     * @param q       columns: output lanes per group
     * @param beats   NB: beats per token
     * @param groups  G: column groups per token
     * @param act     activation lane type (e.g. SInt(8), or UInt(7) for softmax's exp values)
     * @param rescale whether each beat carries an accumulator right shift ({@code in_shift})
     * @param shiftBits width of {@code in_shift} (ignored without rescale)
     */
    public record Config(int p, int q, int beats, int groups, Type act, boolean rescale, int shiftBits) {
        public Config {
            if (p < 1 || q < 1 || beats < 1 || groups < 1) {
                throw new IllegalArgumentException("MacArray needs P, Q, NB and G of at least 1, not P=" + p
                        + ", Q=" + q + ", NB=" + beats + ", G=" + groups + ".");
            }
            if (act.width() > 16) {
                throw new IllegalArgumentException("MacArray activations are at most 16 bits wide, not " + act + ".");
            }
            if (rescale && shiftBits < 1) {
                throw new IllegalArgumentException("A rescaling MacArray needs a shift of at least 1 bit, not " + shiftBits + ".");
            }
        }

        /** Signed int8 activations, no rescale: the matrix unit of LayerNorm, RMSNorm and matmul-only. */
        public static Config int8(int n, int m, int p, int q) {
            return new Config(p, q, n / p, m / q, Type.sint(Formats.DATA_BITS), false, 0);
        }

        /** Width of one product: the activation (made signed) times an int8 weight. */
        public int productBits() {
            return (act.signed() ? act.width() : act.width() + 1) + Formats.DATA_BITS;
        }

        /**
         * Accumulator width: a sum of n = P·NB products needs {@code productBits + ceil(log2 n)} bits.
         * With rescale the sum is bounded the same way, since shifting right never grows a value.
         */
        public int accBits() {
            return productBits() + treeLevels(p * beats);
        }

        public String moduleName() {
            return "MacArray_P" + p + "_Q" + q + "_NB" + beats + "_G" + groups + "_A" + act.width()
                    + (act.signed() ? "S" : "U") + (rescale ? "_R" + shiftBits : "");
        }
    }

    /** Multiplier register levels. */
    private static final int MUL_STAGES = 1;

    /** The weight memory's write port ({@code w_we}, {@code w_addr}, {@code w_data}). */
    public final WritePort weights;
    public final Signal inValid;
    public final Signal inAct;
    /** The beat's rescale shift (null without rescale). */
    public final Signal inShift;
    public final Output inReady;
    /** High on the edge after a token's accumulators were copied into a drain bank. */
    public final Output drainValid;
    public final Signal rdBank;
    /** The drain read's group (null for G = 1). */
    public final Signal rdGroup;
    public final Output rdData;
    private final Config cfg;
    private final int latency;

    public MacArray(Config cfg) {
        super(cfg.moduleName());
        this.cfg = cfg;
        int p = cfg.p(), q = cfg.q(), nb = cfg.beats(), g = cfg.groups();
        int words = nb * g;
        int wb = Formats.DATA_BITS;
        int accBits = cfg.accBits();
        int gBits = bitsFor(g - 1);
        int opBits = bitsFor(words - 1);
        Signal en = en();

        // ---- weight memory: one P x Q tile per word ----------------------------------------------------
        Mem wmem = memory("weights", p * q * wb, words);
        weights = input("w", WritePort.of(wmem.addrWidth(), p * q * wb));
        wmem.write(weights.we(), weights.addr(), weights.data());

        // ---- input register and op sequencing -------------------------------------------------------------
        inValid = input("in_valid", Type.bool());
        inAct = input("in_act", Type.uint(p * cfg.act().width()));
        inShift = cfg.rescale() ? input("in_shift", Type.uint(cfg.shiftBits())) : null;
        Reg grpNext = stageReg("grp_next", Type.uint(gBits));      // group of the next op of the held beat
        Reg opNext = stageReg("op_next", Type.uint(opBits));       // weight address of the next op
        Signal ready = grpNext.eq(0).named("ready");
        Signal accept = inValid.and(ready).named("accept");
        Signal issue = accept.or(grpNext.ne(0)).named("issue");
        Signal lastGroup = grpNext.eq(g - 1);
        Signal lastOp = opNext.eq(words - 1);
        grpNext.set(Signal.mux(issue, Signal.mux(lastGroup, lit(0, grpNext.type()), grpNext.plus(1).truncate(gBits)), grpNext));
        opNext.set(Signal.mux(issue, Signal.mux(lastOp, lit(0, opNext.type()), opNext.plus(1).truncate(opBits)), opNext));
        inReady = output("in_ready", Type.bool());
        inReady.set(ready);

        Reg actQ = stageReg("act_q", inAct.type());
        actQ.set(Signal.mux(accept, inAct, actQ));
        Signal tile = wmem.read("w_tile", opNext, en);
        Signal v1 = stage("op_valid", issue);
        Signal g1 = stage("op_group", grpNext);
        Signal first1 = stage("op_first", nb == 1 ? lit(1, Type.bool()) : opNext.lt(g));
        Signal last1 = stage("op_last", issue.and(lastOp));
        Signal shift1 = null;
        if (cfg.rescale()) {
            Reg shiftQ = stageReg("shift_q", inShift.type());
            shiftQ.set(Signal.mux(accept, inShift, shiftQ));
            shift1 = shiftQ;
        }

        // ---- multipliers ---------------------------------------------------------------------------------
        List<Signal> acts = lanes(actQ, p, cfg.act());
        List<List<Signal>> columns = new ArrayList<>();
        for (int c = 0; c < q; c++) columns.add(new ArrayList<>());
        for (int r = 0; r < p; r++) {
            Signal a = cfg.act().signed() ? acts.get(r) : acts.get(r).extend(cfg.act().width() + 1).asSigned();
            for (int c = 0; c < q; c++) {
                int lo = (r * q + c) * wb;
                Signal w = tile.slice(lo + wb - 1, lo).asSigned();
                columns.get(c).add(stage("mul_r" + r + "_c" + c, a.times(w)));
            }
        }
        Signal v = delay("op_valid_m", v1, MUL_STAGES);
        Signal grp = delay("op_group_m", g1, MUL_STAGES);
        Signal first = delay("op_first_m", first1, MUL_STAGES);
        Signal last = delay("op_last_m", last1, MUL_STAGES);
        Signal shift = cfg.rescale() ? delay("shift_m", shift1, MUL_STAGES) : null;

        // ---- adder trees: one per column, one named register level per tree level ----------------------
        List<Signal> sums = new ArrayList<>();
        for (int c = 0; c < q; c++) {
            sums.add(tree("col" + c, columns.get(c), Signal::plus, s -> s.extend(s.width() + 1)));
        }
        int levels = treeLevels(p);
        v = delay("op_valid_t", v, levels);
        grp = delay("op_group_t", grp, levels);
        first = delay("op_first_t", first, levels);
        last = delay("op_last_t", last, levels);
        if (cfg.rescale()) shift = delay("shift_t", shift, levels);

        // ---- accumulators and the two drain banks ---------------------------------------------------------
        Signal land = v.named("land");
        Signal drainNow = land.and(last).named("drain_now");
        // Tokens land in order, so a toggle names the drain bank of the landing token.
        Reg landBank = stageReg("land_bank", Type.bool());
        landBank.set(Signal.mux(drainNow, landBank.not(), landBank));
        List<List<List<Signal>>> banks = List.of(new ArrayList<>(), new ArrayList<>());
        for (int gi = 0; gi < g; gi++) {
            Signal hit = g == 1 ? land : land.and(grp.eq(gi));
            List<List<Signal>> groupInBank = List.of(new ArrayList<>(), new ArrayList<>());
            for (int c = 0; c < q; c++) {
                Signal s = sums.get(c).extend(accBits);
                Reg acc = reg("acc_g" + gi + "_c" + c, Type.sint(accBits)).resetTo(0).enable(en.and(hit));
                Signal kept = cfg.rescale() ? roundShift(acc, shift) : acc;
                Signal next = Signal.mux(first, s, kept.plus(s).truncate(accBits)).named("acc_g" + gi + "_c" + c + "_next");
                acc.set(next);
                // The landing group (always the last one) moves its new value; the others their settled one.
                Signal settled = gi == g - 1 ? next : acc;
                for (int b = 0; b < 2; b++) {
                    Signal mine = b == 0 ? landBank.not() : landBank;
                    Reg d = reg("drain" + b + "_g" + gi + "_c" + c, Type.sint(accBits)).resetTo(0).enable(en.and(drainNow).and(mine));
                    d.set(settled);
                    groupInBank.get(b).add(d);
                }
            }
            for (int b = 0; b < 2; b++) banks.get(b).add(groupInBank.get(b));
        }
        drainValid = output("drain_valid", Type.bool());
        drainValid.set(stage("drain_new", drainNow));
        this.latency = 1 + MUL_STAGES + levels;   // multipliers, tree levels, then the accumulator register

        // ---- drain read: bank, then group ------------------------------------------------------------------
        rdBank = input("rd_bank", Type.bool());
        rdGroup = g == 1 ? null : input("rd_group", Type.uint(gBits));
        Signal bankSel = rdBank, sel = rdGroup;
        Signal[] perBank = new Signal[2];
        for (int b = 0; b < 2; b++) {
            List<List<Signal>> drain = banks.get(b);
            Signal rd = pack(drain.get(g - 1));
            for (int gi = g - 2; gi >= 0; gi--) rd = Signal.mux(sel.eq(gi), pack(drain.get(gi)), rd);
            perBank[b] = rd;
        }
        rdData = output("rd_data", Type.uint(q * accBits));
        rdData.set(Signal.mux(bankSel, perBank[1], perBank[0]));
    }

    /** The configuration this array was built with. */
    public Config config() { return cfg; }

    /**
     * Edges from the edge that issues an op (for group 0: the edge the input register accepts the beat) to
     * the edge its sum lands in the accumulators: the multiplier level, {@code ceil(log2 P)} tree levels and
     * the accumulator register, as built.
     */
    public int latency() { return latency; }

    /** Bits needed to hold values 0..max, at least 1. */
    static int bitsFor(int max) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
    }
}
