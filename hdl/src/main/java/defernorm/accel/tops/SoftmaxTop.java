package defernorm.accel.tops;

import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.accel.units.SoftmaxFactorUnit;
import defernorm.accel.units.SoftmaxFront;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * What both softmax tops share: the exp front on the input register's stream ({@code u = s·L}, the running
 * maximum, {@code p = exp2(u − (M_k << 12))}), the denominator (a rescaling SUM tree over the P exp values
 * of each beat, {@code den = roundShift(den, Δ) + Σp}), the collective stage (C registers) and the
 * reciprocal chain to the factor {@code (r, e)}.
 */
abstract class SoftmaxTop extends TopShell {

    /** The exp front as built: its instance and its depth (input register excluded, exp output register included). */
    record ExpFront(Inst unit, int depth) {}

    /**
     * The factor register: {@code valid} pulses once per token (the cycle after it loaded); {@code r} UInt(16);
     * {@code e} SInt(8); {@code max} the token's final maximum beside it (only when asked for, else null);
     * {@code reduction} and {@code factorDepth} the depths built (PipelineDepths.reduction, .factor).
     */
    record SoftmaxFactor(Signal valid, Signal r, Signal e, Signal max, int reduction, int factorDepth) {}

    SoftmaxTop(Variant variant, Params prm) {
        super(Op.SOFTMAX, variant, prm);
    }

    /** The exp front (registered exp output) on the input register's beats, with the score multiplier L. */
    ExpFront expFront(Beat in) {
        SoftmaxFront unit = new SoftmaxFront(prm.p(), nb(), true);
        Inst front = instance("exp_front", unit);
        front.in("en", en).in("in_valid", in.valid()).in("in_last", in.last()).in("in_s", in.data())
                .in("in_l", constantWord(SoftmaxFront.L_BITS));
        return new ExpFront(front, unit.latency());
    }

    /** Builds den, the collective and the factor from the exp front's beats; {@code withMax}: carry the final max along. */
    SoftmaxFactor softmaxFactor(ExpFront ef, boolean withMax) {
        Inst front = ef.unit();
        ReductionTree.Config denCfg = new ReductionTree.Config(prm.p(), Type.uint(Exp2.OUT_BITS), nb(), ReduceOp.SUM, false, SoftmaxFront.MAX_BITS);
        ReductionTree denUnit = new ReductionTree(denCfg);
        Inst den = instance("denominator", denUnit);
        den.in("en", en).in("in_valid", front.out("out_valid")).in("in_last", front.out("out_last"))
                .in("in_data", front.out("out_p")).in("in_shift", front.out("out_delta"));
        int denBits = denCfg.acc().width();
        // The token's final max travels beside den, the collective and the factor chain (tokens overlap in them).
        Signal stats = den.out("out_data");
        if (withMax) stats = Signal.cat(delay("token_max", front.out("out_max"), denUnit.latency()).asUnsigned(), stats);
        CollectiveDelay coll = new CollectiveDelay(stats.width(), prm.c());
        Inst col = instance("collective", coll);
        if (coll.hasEnable()) col.in("en", en);
        col.in("in_valid", den.out("out_last")).in("in_data", stats);
        Signal gathered = col.out("out_data");
        SoftmaxFactorUnit facUnit = new SoftmaxFactorUnit(denBits);
        Inst fac = instance("factor", facUnit);
        fac.in("en", en).in("in_valid", col.out("out_valid")).in("in_den", gathered.slice(denBits - 1, 0));
        Signal max = withMax ? delay("factor_max", gathered.slice(stats.width() - 1, denBits), facUnit.latency()).asSigned() : null;
        return new SoftmaxFactor(fac.out("out_valid"), fac.out("out_factor"), fac.out("out_exp"), max,
                ef.depth() + denUnit.latency(), facUnit.latency());
    }
}
