package defernorm.accel.tops;

import defernorm.accel.units.StatsFormat;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The ports only a tile of a system has (docs/system.md), in place of the single top's collective and
 * output stage: its statistic leaves through {@code stat_*} and the reduced one comes back through
 * {@code glob_*}; its drained groups leave through {@code part_*} for the output reduce and the root's stage.
 * Remembers what the system needs to build around the tile: the statistic's layout and the output plan.
 *
 * <pre>{@code
 * Gathered g = ports.exchangeStatistic(format, valid, stats);   // stat_valid/stat_data out, glob_* back
 * ports.exposeDrain(plan, drained, factor, exp);               // part_* out
 * }</pre>
 */
final class TilePorts {
    private final TopShell top;
    private StatsFormat statsFormat;
    private OutputPlan outputPlan;

    TilePorts(TopShell top) {
        this.top = top;
    }

    /** Sends the statistic out ({@code stat_valid}, {@code stat_data}); returns the reduced one ({@code glob_valid}, {@code glob_data}). */
    Gathered exchangeStatistic(StatsFormat format, Signal valid, Signal data) {
        statsFormat = format;
        top.outputPort("stat_valid", Type.bool()).set(valid);
        top.outputPort("stat_data", data.type()).set(data);
        return new Gathered(top.inputPort("glob_valid", Type.bool()), top.inputPort("glob_data", data.type()));
    }

    /**
     * The drain side: {@code part_valid}, {@code part_last}, {@code part_group} (G &gt; 1), {@code part_acc} and,
     * when the plan scales, {@code part_factor} and {@code part_exp}.
     */
    void exposeDrain(OutputPlan plan, Drained d, Signal factor, Signal exp) {
        outputPlan = plan;
        top.outputPort("part_valid", Type.bool()).set(d.valid());
        top.outputPort("part_last", Type.bool()).set(d.last());
        if (d.group() != null) top.outputPort("part_group", d.group().type()).set(d.group());
        top.outputPort("part_acc", d.acc().type()).set(d.acc());
        if (factor != null) {
            top.outputPort("part_factor", factor.type()).set(factor);
            top.outputPort("part_exp", exp.type()).set(exp);
        }
    }

    /** The statistic's layout (null without a collective). */
    StatsFormat statsFormat() { return statsFormat; }

    /** What the root builds for the drained groups (null until the drain is built). */
    OutputPlan outputPlan() { return outputPlan; }
}
