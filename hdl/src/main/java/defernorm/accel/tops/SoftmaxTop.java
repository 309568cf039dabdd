package defernorm.accel.tops;

import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.accel.units.SoftmaxFactorUnit;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * What both softmax tops share after the exp front: the denominator (a rescaling SUM tree over the P exp
 * values of each beat, {@code den = roundShift(den, Δ) + Σp}), the collective stage (C registers) and the
 * reciprocal chain to the factor {@code (r, e)} ({@code Latencies.softmaxFactor()} registers).
 */
abstract class SoftmaxTop extends TopShell {

    /** The factor register: {@code valid} pulses once per token; {@code r} UInt(16); {@code e} SInt(8). */
    record SoftmaxFactor(Signal valid, Signal r, Signal e) {}

    SoftmaxTop(Variant variant, Params prm) {
        super(Op.SOFTMAX, variant, prm);
    }

    /** Builds den, the collective and the factor from exp-output beats (one pulse per beat on {@code valid}). */
    SoftmaxFactor softmaxFactor(Signal valid, Signal last, Signal probs, Signal delta) {
        ReductionTree.Config denCfg = new ReductionTree.Config(prm.p(), Type.uint(Exp2.OUT_BITS), nb(), ReduceOp.SUM, false, delta.width());
        Inst den = instance("denominator", new ReductionTree(denCfg));
        den.in("en", en).in("in_valid", valid).in("in_last", last).in("in_data", probs).in("in_shift", delta);
        CollectiveDelay coll = new CollectiveDelay(denCfg.acc().width(), prm.c());
        Inst col = instance("collective", coll);
        if (coll.hasEnable()) col.in("en", en);
        col.in("in_valid", den.out("out_last")).in("in_data", den.out("out_data"));
        Inst fac = instance("factor", new SoftmaxFactorUnit(denCfg.acc().width()));
        fac.in("en", en).in("in_valid", col.out("out_valid")).in("in_den", col.out("out_data"));
        return new SoftmaxFactor(fac.out("out_valid"), fac.out("out_factor"), fac.out("out_exp"));
    }
}
