package defernorm.accel.tops;

import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.IsqrtUnit;
import defernorm.accel.units.LeadingOneNormalizer;
import defernorm.accel.units.ReciprocalUnit;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Inst;
import defernorm.hdl.Reg;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * What the LayerNorm and RMSNorm tops share: the reduction (S1 = Σx for LayerNorm, S2 = Σx²), the
 * collective stage (C registers) and the nonlinear chain to the per-token factor:
 * {@code V = n·S2 − S1² + E} (RMSNorm: {@code n·S2 + E}, {@link Latencies#VARIANCE} registers), leading-one
 * normalization ({@link Latencies#NORMALIZE_SHIFT}), isqrt ({@link Latencies#ISQRT}), reciprocal
 * ({@link Latencies#RECIPROCAL}) and the factor register ({@link Latencies#FACTOR_SCALE}).
 */
abstract class NormTop extends TopShell {

    /**
     * The per-token factor as the factor register holds it: {@code valid} pulses once per token,
     * {@code value} is {@code n·r} (deferred) or {@code r} (standard), {@code shift} is
     * {@code 31 + e − frac} for the variant's fractional bits, {@code s1} the token's S1 (LayerNorm).
     */
    record NormFactor(Signal valid, Signal value, Signal shift, Signal s1) {}

    NormTop(Op op, Variant variant, Params prm) {
        super(op, variant, prm);
    }

    boolean centered() { return op == Op.LAYERNORM; }

    /**
     * Builds the reduction and factor chain for beats seen once each ({@code beatValid}, {@code beatData}
     * with P int8 lanes, {@code beatLast} on a token's last beat), from the input register on.
     */
    NormFactor normFactor(Signal beatValid, Signal beatLast, Signal beatData, boolean timesN, int frac) {
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

        // ---- V = n*S2 - S1^2 + E: a multiply register, then an add register ----------------------------------
        if (Latencies.VARIANCE != 2) throw new IllegalStateException("the variance stage builds 2 registers, Latencies.VARIANCE is " + Latencies.VARIANCE);
        int vBits = ConfigMap.bitsFor(16384L * n * n + (1L << ConfigMap.CONST_BITS));
        Signal nS2 = stage("var_ns2", gS2.times(lit(n, Type.uint(ConfigMap.bitsFor(n)))));
        Signal s1sq = centered() ? stage("var_s1sq", gS1.times(gS1)) : null;
        Signal v1 = stage("var_valid_1", gValid);
        int w = Math.max(Math.max(nS2.width(), s1sq == null ? 0 : s1sq.width()), ConfigMap.CONST_BITS) + 1;
        Signal eps = constantWord(ConfigMap.CONST_BITS);
        Signal sumV = nS2.extend(w).asSigned().plus(eps.extend(w).asSigned());
        if (s1sq != null) sumV = sumV.minus(s1sq.extend(w + 1));
        Signal vWord = stage("var_v", sumV.slice(vBits - 1, 0));
        Signal v2 = stage("var_valid_2", v1);

        // ---- leading-one normalization, isqrt, reciprocal -------------------------------------------------------
        Inst norm = instance("normalize", new LeadingOneNormalizer(vBits, Formats.SQRT_IN_BITS, true));
        norm.in("en", en).in("in_valid", v2).in("in_data", vWord);
        Inst sqrt = instance("isqrt", new IsqrtUnit(Formats.SQRT_IN_BITS));
        sqrt.in("en", en).in("in_valid", norm.out("out_valid")).in("in_data", norm.out("out_mant"));
        Inst recip = instance("reciprocal", new ReciprocalUnit());
        recip.in("en", en).in("in_valid", sqrt.out("out_valid")).in("in_data", sqrt.out("out_data"));
        Signal e = delay("factor_exp", norm.out("out_exp"), Latencies.ISQRT + Latencies.RECIPROCAL);
        Signal s1Held = null;
        if (centered()) {
            Reg hold = reg("token_s1", gS1.type()).resetTo(0).enable(en.and(gValid));
            hold.set(gS1);
            s1Held = hold;
        }

        // ---- factor register: n*r (deferred) or r (standard), and the output shift 31 + e - frac -------------
        if (Latencies.FACTOR_SCALE != 1) throw new IllegalStateException("the factor stage builds 1 register, Latencies.FACTOR_SCALE is " + Latencies.FACTOR_SCALE);
        Signal r = recip.out("out_data");
        Signal value = timesN ? r.times(lit(n, Type.uint(ConfigMap.bitsFor(n)))) : r;
        Signal shift = e.plus(lit(Formats.FACTOR_FRAC - frac, e.type())).slice(5, 0);
        Signal fValid = stage("factor_valid", recip.out("out_valid"));
        Signal fValue = stage("factor_value", value);
        Signal fShift = stage("factor_shift", shift);
        return new NormFactor(fValid, fValue, fShift, s1Held);
    }
}
