package defernorm.accel;

import defernorm.accel.system.Link;
import defernorm.accel.system.MessageDelay;
import defernorm.accel.system.OutputReduce;
import defernorm.accel.system.StatsAllReduce;
import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.DelayLine;
import defernorm.accel.units.Exp2Unit;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.NormFactorUnit;
import defernorm.accel.units.NormRequantize;
import defernorm.accel.units.OutputStage;
import defernorm.accel.units.PiecewiseLinearUnit;
import defernorm.accel.units.ReciprocalUnit;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.accel.units.RescaleLanes;
import defernorm.accel.units.RsqrtUnit;
import defernorm.accel.units.ScaleUnit;
import defernorm.accel.units.SoftmaxFactorUnit;
import defernorm.accel.units.SoftmaxFront;
import defernorm.accel.units.SoftmaxRequantize;
import defernorm.accel.units.StatsFormat;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.fixed.InverseSqrtTable;
import defernorm.golden.fixed.ReciprocalTable;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import defernorm.hdl.ir.Type;
import defernorm.hdl.Elaborator;
import defernorm.hdl.Component;
import defernorm.hdl.ir.Design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every accelerator unit at a few representative parameter sets, elaborated, keyed by module name: for
 * tools and tests that lint, compile and synthesize all of them.
 *
 * <pre>{@code
 * AllUnits.designs().forEach((name, d) -> ToolChecks.emitAndCheckAll(d, Path.of("rtl-out/units", name)));
 * }</pre>
 */
public final class AllUnits {
    private AllUnits() {}

    /** The unit modules (not elaborated), in a fixed order. */
    public static List<Component> modules() {
        return List.of(
                new MacArray(MacArray.Config.int8(8, 4, 4, 2)),
                new MacArray(MacArray.Config.int8(4, 4, 4, 4)),
                new MacArray(new MacArray.Config(3, 2, 2, 3, Type.uint(Exp2.OUT_BITS), true, SoftmaxFront.MAX_BITS)),
                new ReductionTree(ReductionTree.Config.norm(8, 4, ReduceOp.SUM)),
                new ReductionTree(ReductionTree.Config.norm(5, 3, ReduceOp.SUMSQ)),
                new ReductionTree(new ReductionTree.Config(4, Type.uint(Exp2.OUT_BITS), 4, ReduceOp.SUM, false, SoftmaxFront.MAX_BITS)),
                new ReductionTree(new ReductionTree.Config(4, Type.sint(SoftmaxFront.MAX_BITS), 4, ReduceOp.MAX, false, 0)),
                new CollectiveDelay(32, 0),
                new CollectiveDelay(32, 3),
                new Exp2Unit(SoftmaxFront.U_BITS, SoftmaxFront.MAX_BITS, true),
                new Exp2Unit(SoftmaxFront.U_BITS, SoftmaxFront.MAX_BITS, false),
                new PiecewiseLinearUnit(InverseSqrtTable.TABLE),
                new PiecewiseLinearUnit(ReciprocalTable.TABLE),
                new RsqrtUnit(43),
                new ReciprocalUnit(21),
                new NormFactorUnit(Op.LAYERNORM, 32, 13, 20),
                new SoftmaxFactorUnit(12),
                new OutputStage(4, 2, 20, 0),
                new OutputStage(2, 1, 20, Formats.NORM_OUT_FRAC - Formats.NORM_ACT_FRAC),
                new ScaleUnit(2, 2, 20, 22, Formats.NORM_OUT_FRAC),
                new ScaleUnit(1, 1, 23, 16, Formats.SOFTMAX_OUT_FRAC),
                new NormRequantize(Op.RMSNORM, 32, 4, 13),
                new SoftmaxFront(4, 4, false),
                new SoftmaxRequantize(2),
                new SoftmaxRequantize(2, false),
                new OutputStage(2, 2, 20, 0, false),
                new ScaleUnit(2, 2, 20, 22, Formats.NORM_OUT_FRAC, false),
                new NormRequantize(Op.LAYERNORM, 16, 2, 12, false),
                new DelayLine(9, 3),
                new DelayLine(9, 40),
                new RescaleLanes(2, 20, SoftmaxFront.MAX_BITS),
                new MessageDelay(20, 30),
                new Link(50, 2, 64),
                new Link(50, 3, 16),
                new StatsAllReduce(new SystemShape(3, Topology.TREE, 2, 64), StatsFormat.softmaxMerge(19, SoftmaxFront.MAX_BITS)),
                new StatsAllReduce(new SystemShape(4, Topology.RING, 20, 16), StatsFormat.sums(List.of(23, 12))),
                new OutputReduce(new SystemShape(4, Topology.RING, 1, 64), 2, 20),
                new OutputReduce(new SystemShape(5, Topology.TREE, 0, 64), 2, 20));
    }

    /** Every unit elaborated, keyed by module name, in a fixed order. */
    public static Map<String, Design> designs() {
        Map<String, Design> out = new LinkedHashMap<>();
        for (Component m : modules()) out.put(m.name(), Elaborator.elaborate(m));
        return out;
    }
}
