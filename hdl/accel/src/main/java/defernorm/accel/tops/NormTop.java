package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.Flow;
import defernorm.accel.units.NormFactorUnit;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.accel.units.StatsFormat;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import java.util.List;

/**
 * What the LayerNorm and RMSNorm tops share: the reduction on the input register's stream (S1 = Σx for
 * LayerNorm, S2 = Σx²), the collective stage (C registers; a tile's all-reduce ports) and the {@link NormFactorUnit} to the per-token
 * factor ({@code V = n·S2 − S1² + E}, {@code 1/sqrt(V)}, the factor register).
 */
abstract class NormTop extends TopShell {

    /**
     * The factor register ({@code valid} pulses the cycle after it loaded): {@code n·r} (deferred) or {@code r}
     * (standard), e, the token's S1 beside it (LayerNorm, else null), and the reduction and factor depths built.
     */
    record NormFactor(Signal valid, Signal value, Signal exp, Signal s1, int reduction, int factorDepth) {}

    NormTop(Op op, Variant variant, Params prm, Placement placement) {
        super(op, variant, prm, placement, TopName.tile(op, variant, prm, placement));
    }

    boolean centered() { return op == Op.LAYERNORM; }

    /** Builds the reduction, the collective and the factor chain on the input register's beats {@code in}. */
    NormFactor normFactor(Beat in, boolean timesN) {
        ReductionTree sqUnit = new ReductionTree(ReductionTree.Config.norm(prm.p(), statBeats(), ReduceOp.SUMSQ));
        Inst sq = pipelined("red_sumsq", sqUnit);
        connect(sq.port(sqUnit.in), in);
        Beat s2 = sq.port(sqUnit.out);
        int s2Bits = s2.data().width(), s1Bits = 0;
        Signal stats = s2.data();
        if (centered()) {
            ReductionTree sumUnit = new ReductionTree(ReductionTree.Config.norm(prm.p(), statBeats(), ReduceOp.SUM));
            if (sumUnit.latency() != sqUnit.latency()) throw new IllegalStateException("the S1 and S2 trees must be equally deep.");
            Inst sum = pipelined("red_sum", sumUnit);
            connect(sum.port(sumUnit.in), in);
            Signal s1 = sum.port(sumUnit.out).data();
            s1Bits = s1.width();
            stats = Signal.cat(s1.asUnsigned(), stats);
        }

        // ---- collective: C registers standing for the gather across tiles, or a tile's all-reduce ports ----------
        StatsFormat format = StatsFormat.sums(centered() ? List.of(s2Bits, s1Bits) : List.of(s2Bits));
        Flow g = CollectiveStage.build(this, s2.last(), stats, format);
        Signal gS2 = g.data().slice(s2Bits - 1, 0);
        Signal gS1 = centered() ? g.data().slice(s1Bits + s2Bits - 1, s2Bits).asSigned() : null;

        // ---- V = n*S2 - S1^2 + E, 1/sqrt(V), the factor register --------------------------------------------------
        NormFactorUnit facUnit = new NormFactorUnit(op, systemN(), s1Bits, s2Bits);
        Inst fac = pipelined("factor", facUnit);
        fac.in(facUnit.inValid, g.valid()).in(facUnit.inS2, gS2).in(facUnit.inEps, config.constantWord(NormFactorUnit.EPS_BITS));
        if (centered()) fac.in(facUnit.inS1, gS1);
        // S1 travels beside the factor chain (tokens can overlap in it), so it meets its own factor.
        Signal s1 = centered() ? delay("token_s1", gS1, facUnit.latency()) : null;
        Signal value = fac.out(timesN ? facUnit.outFactor : facUnit.outR);
        return new NormFactor(fac.out(facUnit.outValid), value, fac.out(facUnit.outExp), s1, sqUnit.latency(), facUnit.latency());
    }
}
