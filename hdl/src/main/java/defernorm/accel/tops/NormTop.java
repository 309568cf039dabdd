package defernorm.accel.tops;

import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.NormFactorUnit;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * What the LayerNorm and RMSNorm tops share: the reduction (S1 = Σx for LayerNorm, S2 = Σx²), the
 * collective stage (C registers) and the {@link NormFactorUnit} to the per-token factor
 * ({@code V = n·S2 − S1² + E}, {@code 1/sqrt(V)}, the factor register: {@code Latencies.normFactor()}).
 */
abstract class NormTop extends TopShell {

    /**
     * The per-token factor as the factor register holds it: {@code valid} pulses once per token,
     * {@code value} is {@code n·r} (deferred) or {@code r} (standard), {@code exp} is
     * the exponent e (SInt(8)), {@code s1} the token's S1 held for the read-back (LayerNorm).
     */
    record NormFactor(Signal valid, Signal value, Signal exp, Signal s1) {}

    NormTop(Op op, Variant variant, Params prm) {
        super(op, variant, prm);
    }

    boolean centered() { return op == Op.LAYERNORM; }

    /**
     * Builds the reduction and factor chain for beats seen once each ({@code beatValid}, {@code beatData}
     * with P int8 lanes, {@code beatLast} on a token's last beat), from the input register on.
     */
    NormFactor normFactor(Signal beatValid, Signal beatLast, Signal beatData, boolean timesN) {
        int n = prm.n();
        ReductionTree.Config sqCfg = ReductionTree.Config.norm(prm.p(), nb(), ReduceOp.SUMSQ);
        Inst sq = instance("red_sumsq", new ReductionTree(sqCfg));
        sq.in("en", en).in("in_valid", beatValid).in("in_last", beatLast).in("in_data", beatData);
        int s2Bits = sqCfg.acc().width();
        Signal s2 = sq.out("out_data");
        Signal statsValid = sq.out("out_last");
        Signal stats = s2;
        int s1Bits = 0;
        if (centered()) {
            ReductionTree.Config sumCfg = ReductionTree.Config.norm(prm.p(), nb(), ReduceOp.SUM);
            Inst sum = instance("red_sum", new ReductionTree(sumCfg));
            sum.in("en", en).in("in_valid", beatValid).in("in_last", beatLast).in("in_data", beatData);
            s1Bits = sumCfg.acc().width();
            stats = Signal.cat(sum.out("out_data").asUnsigned(), s2);
        }

        // ---- collective: C registers standing for the gather across tiles ----------------------------------
        CollectiveDelay coll = new CollectiveDelay(stats.width(), prm.c());
        Inst col = instance("collective", coll);
        if (coll.hasEnable()) col.in("en", en);
        col.in("in_valid", statsValid).in("in_data", stats);
        Signal gValid = col.out("out_valid");
        Signal gStats = col.out("out_data");
        Signal gS2 = gStats.slice(s2Bits - 1, 0);
        Signal gS1 = centered() ? gStats.slice(s1Bits + s2Bits - 1, s2Bits).asSigned() : null;

        // ---- V = n*S2 - S1^2 + E, 1/sqrt(V), the factor register --------------------------------------------------
        Inst fac = instance("factor", new NormFactorUnit(op, n, s1Bits, s2Bits));
        fac.in("en", en).in("in_valid", gValid).in("in_s2", gS2).in("in_eps", constantWord(NormFactorUnit.EPS_BITS));
        if (centered()) fac.in("in_s1", gS1);
        Signal s1Held = null;
        if (centered()) {
            Reg hold = reg("token_s1", gS1.type()).resetTo(0).enable(en.and(gValid));
            hold.set(gS1);
            s1Held = hold;
        }
        Signal value = timesN ? fac.out("out_factor") : fac.out("out_r");
        return new NormFactor(fac.out("out_valid"), value, fac.out("out_exp"), s1Held);
    }
}
