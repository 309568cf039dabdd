package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.Flow;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.accel.units.SoftmaxFactorUnit;
import defernorm.accel.units.SoftmaxFront;
import defernorm.accel.units.StatsFormat;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import defernorm.hdl.stream.StreamFifo;
import java.util.List;

/**
 * What both softmax tops share: the exp front on the input register's stream ({@code u = s·L}, the running
 * maximum, {@code p = exp2(u − (M_k << 12))}), the denominator (a rescaling SUM tree over the P exp values
 * of each beat, {@code den = roundShift(den, Δ) + Σp}), the collective stage (C registers) and the
 * reciprocal chain to the factor {@code (r, e)}. A tile sends {@code [max, den]} to the all-reduce (the
 * online merge ⊕) and gets the global {@code [M, D]} back; a deferred tile also keeps its local max to
 * rescale its groups by {@code M − m_t} (docs/system.md).
 */
abstract class SoftmaxTop extends TopShell {

    /** The exp front's outputs and its depth (input register excluded, exp output register included). */
    record ExpFront(Signal valid, Signal last, Signal p, Signal delta, Signal max, int depth) {}

    /**
     * The factor register ({@code valid} pulses the cycle after it loaded) with the token's final max (if asked for)
     * or a deferred tile's rescale {@code M − m_t} beside it (else null), and the reduction and factor depths built.
     */
    record SoftmaxFactor(Signal valid, Signal r, Signal e, Signal max, Signal shift, int reduction, int factorDepth) {}

    /** Token statistics a deferred tile can have between its statistic and its global one (docs/system.md). */
    static final int LOCAL_MAX_SLOTS = FACTOR_SLOTS;

    SoftmaxTop(Variant variant, Params prm, Placement placement) {
        super(Op.SOFTMAX, variant, prm, placement, TopName.tile(Op.SOFTMAX, variant, prm, placement));
    }

    /** The exp front (registered exp output) on the input register's beats, with the score multiplier L. */
    ExpFront expFront(Beat in) {
        SoftmaxFront unit = new SoftmaxFront(prm.p(), nb(), true);
        Inst front = pipelined("exp_front", unit);
        front.in(unit.inValid, in.valid()).in(unit.inLast, in.last()).in(unit.inS, in.data())
                .in(unit.inL, config.constantWord(SoftmaxFront.L_BITS));
        return new ExpFront(front.out(unit.outValid), front.out(unit.outLast), front.out(unit.outP), front.out(unit.outDelta),
                front.out(unit.outMax), unit.latency());
    }

    /** Builds den, the collective and the factor from the exp front's beats; {@code withMax}: carry the final max along. */
    SoftmaxFactor softmaxFactor(ExpFront ef, boolean withMax) {
        ReductionTree denUnit = new ReductionTree(new ReductionTree.Config(prm.p(), Type.uint(Exp2.OUT_BITS), statBeats(), ReduceOp.SUM, false, SoftmaxFront.MAX_BITS));
        Inst den = pipelined("denominator", denUnit);
        connect(den.port(denUnit.in), new Beat(ef.valid(), ef.last(), ef.p()));
        den.in(denUnit.inShift, ef.delta());
        Beat denOut = den.port(denUnit.out);
        Signal stats = denOut.data();
        int denBits = stats.width();
        // The token's final max travels beside den, the collective and the factor chain (tokens overlap in them);
        // a tile always sends it: the online merge needs it.
        boolean tile = placement.isTile(), carryMax = withMax || tile;
        Signal localMax = carryMax ? delay("token_max", ef.max(), denUnit.latency()) : null;
        if (carryMax) stats = Signal.cat(localMax.asUnsigned(), stats);
        StatsFormat format = carryMax ? StatsFormat.softmaxMerge(denBits, SoftmaxFront.MAX_BITS) : StatsFormat.sums(List.of(denBits));
        Flow g = CollectiveStage.build(this, denOut.last(), stats, format);
        Signal gathered = g.data();
        SoftmaxFactorUnit facUnit = new SoftmaxFactorUnit(denBits);
        Inst fac = pipelined("factor", facUnit);
        fac.in(facUnit.inValid, g.valid()).in(facUnit.inDen, gathered.slice(denBits - 1, 0));
        Signal max = withMax ? delay("factor_max", gathered.slice(stats.width() - 1, denBits), facUnit.latency()).asSigned() : null;
        Signal shift = null;
        if (tile && !withMax) {
            // A deferred tile's local max waits (at most LOCAL_MAX_SLOTS tokens) for the global one: M − m_t.
            StreamFifo<Signal> q = StreamFifo.of(Type.uint(SoftmaxFront.MAX_BITS), LOCAL_MAX_SLOTS, StreamFifo.Storage.REGISTERS);
            Inst held = instance("local_max", q);
            held.in(q.in.valid(), en.and(denOut.last())).in(q.in.data(), localMax.asUnsigned()).in(q.out.ready(), en.and(g.valid()));
            Signal gMax = gathered.slice(stats.width() - 1, denBits).asSigned();
            Signal diff = gMax.minus(held.out(q.out.data()).asSigned()).asUnsigned().truncate(SoftmaxFront.MAX_BITS);
            shift = delay("factor_shift", diff, facUnit.latency());
        }
        return new SoftmaxFactor(fac.out(facUnit.outValid), fac.out(facUnit.outFactor), fac.out(facUnit.outExp), max, shift,
                ef.depth() + denUnit.latency(), facUnit.latency());
    }
}
