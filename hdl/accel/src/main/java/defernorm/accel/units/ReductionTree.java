package defernorm.accel.units;

import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The vector/reduction unit: sum, sum of squares or maximum over P lanes per beat, as a pipelined tree
 * (one named register level per tree level: {@code tree_l<l>_<i>}), then an accumulator across the beats
 * of a token.
 *
 * <p>Pipeline, each level enabled by {@code en}: an optional front register per lane ({@code front_<i>}:
 * x for SUM, x&sup2; for SUMSQ), {@code ceil(log2 P)} tree levels, the beat accumulator (or running
 * maximum): {@link #latency()} = {@code [1] + ceil(log2 P) + 1} registers, e.g. 5 for the LayerNorm/RMSNorm
 * statistics at P = 8, 4 for softmax's denominator (no front).
 *
 * <p>Accumulator: the first beat of a token (after reset or after a beat with {@code in_last}) loads the
 * beat's result; later beats combine: SUM {@code acc + t} (with rescale: {@code roundShift(acc, shift) + t},
 * as softmax's den), SUMSQ {@code acc + t}, MAX {@code max(acc, t)}. MAX also gives
 * {@code out_delta = first ? 0 : max(0, t - acc)}: how far the running maximum grew at this beat.
 *
 * <pre>{@code
 * ReductionTree sq = new ReductionTree(ReductionTree.Config.norm(8, 8, ReduceOp.SUMSQ)); // 8 lanes, NB 8
 * }</pre>
 */
public final class ReductionTree extends PipelinedUnit {

    /**
     * @param p         lanes per beat
     * @param lane      lane type (e.g. SInt(8))
     * @param beats     NB: beats per token (sizes the accumulator)
     * @param op        what to reduce
     * @param front     whether the lanes pass a front register first (x / x&sup2;)
     * @param shiftBits width of {@code in_shift} for a rescaling SUM, 0 for none
     */
    public record Config(int p, Type lane, int beats, ReduceOp op, boolean front, int shiftBits) {
        public Config {
            if (p < 1 || beats < 1) {
                throw new IllegalArgumentException("ReductionTree needs P and NB of at least 1, not P=" + p + ", NB=" + beats + ".");
            }
            if (shiftBits < 0 || (shiftBits > 0 && op != ReduceOp.SUM)) {
                throw new IllegalArgumentException("Only a SUM ReductionTree can rescale its accumulator.");
            }
        }

        /** LayerNorm/RMSNorm statistics over int8 lanes: front register, no rescale. */
        public static Config norm(int p, int beats, ReduceOp op) {
            return new Config(p, Type.sint(8), beats, op, true, 0);
        }

        /** Type of a lane after the front (x for SUM and MAX, x&sup2; for SUMSQ). */
        public Type leaf() {
            if (op != ReduceOp.SUMSQ) return lane;
            return Type.uint(lane.signed() ? 2 * lane.width() - 1 : 2 * lane.width());
        }

        /** Type of the accumulator: the leaf widened for a sum of P·NB leaves; MAX keeps the leaf type. */
        public Type acc() {
            Type l = leaf();
            return op == ReduceOp.MAX ? l : new Type(l.width() + Type.clog2(p * beats), l.signed());
        }

        /**
         * Pipeline depth from the input (excluded) to the accumulator (included): the front register, the
         * tree levels and the accumulator, exactly the registers {@link ReductionTree} builds.
         */
        public int latency() {
            return (front ? 1 : 0) + Type.clog2(p) + 1;
        }

        public String moduleName() {
            return "ReductionTree_P" + p + "_W" + lane.width() + (lane.signed() ? "S" : "U") + "_NB" + beats
                    + "_" + op + (front ? "_F" : "") + (shiftBits > 0 ? "_R" + shiftBits : "");
        }
    }

    /** The beats reduced ({@code in_data}: P lanes, lane 0 low) and the rescale shift beside each (null without one). */
    public final Beat in;
    public final Signal inShift;
    /** The running result, one cycle per beat: {@code out_last} on the token's last beat, {@code out_data} the accumulator. */
    public final Beat out;
    /** How much the running max grew at this beat (MAX only, else null). */
    public final Output outDelta;
    private final Config cfg;

    public ReductionTree(Config cfg) {
        super(cfg.moduleName());
        this.cfg = cfg;
        int p = cfg.p();
        Type accT = cfg.acc();
        in = input("in", Beat.of(Type.uint(p * cfg.lane().width())));
        inShift = cfg.shiftBits() > 0 ? input("in_shift", Type.uint(cfg.shiftBits())) : null;
        Signal valid = in.valid(), last = in.last(), shift = inShift;

        // ---- front: x or x^2 per lane --------------------------------------------------------------------
        List<Signal> leaves = lanes(in.data(), p, cfg.lane()).stream()
                .map(x -> cfg.op() == ReduceOp.SUMSQ ? x.times(x).truncate(cfg.leaf().width()).asUnsigned() : x).toList();
        if (cfg.front()) {
            List<Signal> raw = leaves;
            leaves = IntStream.range(0, p).mapToObj(i -> stage("front_" + i, raw.get(i))).toList();
            valid = stage("front_valid", valid);
            last = stage("front_last", last);
            if (shift != null) shift = stage("front_shift", shift);
        }

        // ---- tree ----------------------------------------------------------------------------------------
        Signal t = cfg.op() == ReduceOp.MAX
                ? tree("tree", leaves, (a, b) -> Signal.mux(a.ge(b), a, b), s -> s)
                : tree("tree", leaves, Signal::plus, s -> s.extend(s.width() + 1));
        int levels = Type.clog2(p);
        valid = delay("tree_valid", valid, levels);
        last = delay("tree_last", last, levels);
        if (shift != null) shift = delay("tree_shift", shift, levels);

        // ---- accumulator across beats --------------------------------------------------------------------
        Reg first = reg("first", Type.bool()).resetTo(1).enable(en());
        first.set(Signal.mux(valid, last, first));
        Reg acc = reg("acc", accT).resetTo(0).enable(en().and(valid));
        Signal tw = t.extend(accT.width());
        Signal next = switch (cfg.op()) {
            case MAX -> Signal.mux(tw.gt(acc), tw, acc);
            case SUM, SUMSQ -> (shift != null ? roundShift(acc, shift) : acc).plus(tw).truncate(accT.width());
        };
        acc.set(Signal.mux(first, tw, next));
        out = output("out", Beat.of(accT));
        out.valid().set(stage("acc_valid", valid));
        out.last().set(stage("acc_last", valid.and(last)));
        out.data().set(acc);
        outDelta = cfg.op() == ReduceOp.MAX ? output("out_delta", growth(tw, acc, first, valid)) : null;
    }

    /** The delta register: {@code first ? 0 : max(0, t - acc)}, loaded with each beat. */
    private Signal growth(Signal t, Signal acc, Signal first, Signal valid) {
        int w = acc.width();
        Signal grow = t.minus(acc);   // SInt(W+1); negative when the max did not grow
        Signal growU = Signal.mux(grow.gt(0), grow.truncate(w).asUnsigned(), lit(0, Type.uint(w)));
        Reg grown = reg("delta", Type.uint(w)).resetTo(0).enable(en().and(valid));
        grown.set(Signal.mux(first, lit(0, grown.type()), growU));
        return grown;
    }

    /** The configuration this tree was built with. */
    public Config config() { return cfg; }

    /** Pipeline depth from the input (excluded) to the accumulator (included). */
    public int latency() { return cfg.latency(); }
}
