package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.hdl.*;
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
            return productBits() + Type.clog2(p * beats);
        }

        public String moduleName() {
            return "MacArray_P" + p + "_Q" + q + "_NB" + beats + "_G" + groups + "_A" + act.width()
                    + (act.signed() ? "S" : "U") + (rescale ? "_R" + shiftBits : "");
        }
    }

    /** Multiplier register levels. */
    private static final int MUL_STAGES = 1;

    /** The weight memory's write port, not gated by {@code en}: word {@code k·G+g} holds {@code W[kP+r][gQ+c]} at bits {@code (r·Q+c)·8}. */
    public final WritePort weights;
    /**
     * A beat of P activation lanes (lane 0 low), accepted on an edge with {@code en && in_valid && in_ready};
     * {@code in_ready} is high once the held beat's G ops have all issued (beats one per G cycles never idle
     * the array). {@code in_shift} (rescale only, else null): {@code acc = roundShift(acc, shift) + sum} for
     * all m accumulators as this beat's sums land (softmax's running-max rescale).
     */
    public final Signal inValid, inAct, inShift;
    public final Output inReady;
    /** One cycle (while {@code en}) after a token's accumulators moved into a drain bank. */
    public final Output drainValid;
    /** The drain read (combinational): bank and group (null for G = 1) select the Q lanes of {@code rd_data}. */
    public final Signal rdBank, rdGroup;
    public final Output rdData;
    private final Config cfg;
    private final int latency;

    public MacArray(Config cfg) {
        super(cfg.moduleName());
        this.cfg = cfg;
        int p = cfg.p(), q = cfg.q(), nb = cfg.beats(), g = cfg.groups();
        int words = nb * g, wb = Formats.DATA_BITS, accBits = cfg.accBits();
        int gBits = Type.bitsFor(g - 1), opBits = Type.bitsFor(words - 1);
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
        grpNext.set(wrapCount(grpNext, issue, lastGroup));
        opNext.set(wrapCount(opNext, issue, lastOp));
        inReady = output("in_ready", ready);

        Reg actQ = stageReg("act_q", inAct.type());
        actQ.set(Signal.mux(accept, inAct, actQ));
        Signal tile = wmem.read("w_tile", opNext, en);
        // The op's valid, group, first and last beat (and the beat's shift) travel beside the multipliers and trees.
        String[] sideNames = {"op_valid", "op_group", "op_first", "op_last", "shift"};
        Signal[] side = {stage("op_valid", issue), stage("op_group", grpNext),
                stage("op_first", nb == 1 ? lit(1, Type.bool()) : opNext.lt(g)), stage("op_last", issue.and(lastOp)), null};
        if (cfg.rescale()) {
            Reg shiftQ = stageReg("shift_q", inShift.type());
            shiftQ.set(Signal.mux(accept, inShift, shiftQ));
            side[4] = shiftQ;
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
        for (int i = 0; i < side.length; i++) if (side[i] != null) side[i] = delay(sideNames[i] + "_m", side[i], MUL_STAGES);

        // ---- adder trees: one per column, one named register level per tree level ----------------------
        List<Signal> sums = new ArrayList<>();
        for (int c = 0; c < q; c++) {
            sums.add(tree("col" + c, columns.get(c), Signal::plus, s -> s.extend(s.width() + 1)));
        }
        int levels = Type.clog2(p);
        for (int i = 0; i < side.length; i++) if (side[i] != null) side[i] = delay(sideNames[i] + "_t", side[i], levels);
        Signal grp = side[1], first = side[2], shift = side[4];

        // ---- accumulators and the two drain banks ---------------------------------------------------------
        Signal land = side[0].named("land");
        Signal drainNow = land.and(side[3]).named("drain_now");
        // Tokens land in order, so a toggle names the drain bank of the landing token.
        Reg landBank = stageReg("land_bank", Type.bool());
        toggle(landBank, drainNow);
        List<Signal> loads = new ArrayList<>();   // per group: its sums land on this edge
        for (int gi = 0; gi < g; gi++) loads.add(en.and(g == 1 ? land : land.and(grp.eq(gi))));
        List<List<List<Signal>>> banks = List.of(new ArrayList<>(), new ArrayList<>());   // [bank][group][lane]
        for (int b = 0; b < 2; b++) for (int gi = 0; gi < g; gi++) banks.get(b).add(new ArrayList<>());
        for (int c = 0; c < q; c++) {
            Signal s = sums.get(c).extend(accBits);
            List<Reg> accs = new ArrayList<>();
            for (int gi = 0; gi < g; gi++) {
                accs.add(reg("acc_g" + gi + "_c" + c, Type.sint(accBits)).resetTo(0).enable(loads.get(gi)));
            }
            // One add per lane: the landing group's accumulator is selected first (a mux on the group), so the
            // array has Q adders, not m, and a simulator adds only the Q sums that land.
            Signal landing = g == 1 ? accs.getFirst() : Vec.<Signal>from(accs).at(grp);
            Signal kept = cfg.rescale() ? roundShift(landing, shift) : landing;
            Signal next = Signal.mux(first, s, kept.plus(s).truncate(accBits)).named("acc_c" + c + "_next");
            for (int gi = 0; gi < g; gi++) {
                accs.get(gi).set(next);
                // The landing group (always the last one) moves its new value; the others their settled one.
                Signal settled = gi == g - 1 ? next : accs.get(gi);
                for (int b = 0; b < 2; b++) {
                    Signal mine = b == 0 ? landBank.not() : landBank;
                    Reg d = reg("drain" + b + "_g" + gi + "_c" + c, Type.sint(accBits)).resetTo(0).enable(en.and(drainNow).and(mine));
                    d.set(settled);
                    banks.get(b).get(gi).add(d);
                }
            }
        }
        drainValid = output("drain_valid", stage("drain_new", drainNow));
        this.latency = 1 + MUL_STAGES + levels;   // multipliers, tree levels, then the accumulator register

        // ---- drain read: bank, then group ------------------------------------------------------------------
        rdBank = input("rd_bank", Type.bool());
        rdGroup = g == 1 ? null : input("rd_group", Type.uint(gBits));
        Signal[] perBank = new Signal[2];
        for (int b = 0; b < 2; b++) {
            Signal rd = pack(banks.get(b).get(g - 1));
            for (int gi = g - 2; gi >= 0; gi--) rd = Signal.mux(rdGroup.eq(gi), pack(banks.get(b).get(gi)), rd);
            perBank[b] = rd;
        }
        rdData = output("rd_data", Signal.mux(rdBank, perBank[1], perBank[0]));
    }

    /** The configuration this array was built with. */
    public Config config() { return cfg; }

    /**
     * Edges from the edge that issues an op (for group 0: the edge the input register accepts the beat) to
     * the edge its sum lands in the accumulators: the multiplier level, {@code ceil(log2 P)} tree levels and
     * the accumulator register, as built.
     */
    public int latency() { return latency; }
}
