package defernorm.accel.tops;

import defernorm.accel.units.Flow;
import defernorm.accel.units.StatsFormat;
import defernorm.hdl.Signal;

/**
 * The ports only a tile of a system has (docs/system.md), in place of the single top's collective and
 * output stage: its statistic leaves through {@code stat_*} and the reduced one comes back through
 * {@code glob_*}; its drained groups leave through {@code part_*} for the output reduce and the root's stage.
 * Remembers what the system needs to build around the tile: the statistic's layout and the output plan.
 *
 * <pre>{@code
 * Flow g = ports.exchangeStatistic(format, valid, stats);   // stat_valid/stat_data out, glob_* back
 * ports.exposeDrain(plan, drained, factor, exp);               // part_* out
 * }</pre>
 */
public final class TilePorts {
    private final TopShell top;
    private StatsFormat statsFormat;
    private OutputPlan outputPlan;
    private Flow stat, glob;
    private Part part;

    /**
     * The drain side's ports ({@code part_*}); {@code group} is null for G = 1, {@code factor} and {@code exp}
     * are null unless the plan scales.
     */
    public record Part(Signal valid, Signal last, Signal group, Signal acc, Signal factor, Signal exp) {}

    TilePorts(TopShell top) { this.top = top; }

    /** Sends the statistic out ({@code stat_valid}, {@code stat_data}); returns the reduced one ({@code glob_valid}, {@code glob_data}). */
    Flow exchangeStatistic(StatsFormat format, Signal valid, Signal data) {
        statsFormat = format;
        stat = top.bundlePorts().output("stat", Flow.of(data.type()));
        top.connectPorts(stat, new Flow(valid, data));
        glob = top.bundlePorts().input("glob", Flow.of(data.type()));
        return glob;
    }

    /**
     * The drain side: {@code part_valid}, {@code part_last}, {@code part_group} (G &gt; 1), {@code part_acc} and,
     * when the plan scales, {@code part_factor} and {@code part_exp}.
     */
    void exposeDrain(OutputPlan plan, Drained d, Signal factor, Signal exp) {
        outputPlan = plan;
        part = new Part(out("part_valid", d.valid()), out("part_last", d.last()),
                d.group() == null ? null : out("part_group", d.group()), out("part_acc", d.acc()),
                factor == null ? null : out("part_factor", factor), factor == null ? null : out("part_exp", exp));
    }

    private Signal out(String name, Signal value) {
        Signal port = top.outputPort(name, value.type());
        port.set(value);
        return port;
    }

    /** The statistic's layout (null without a collective). */
    public StatsFormat statsFormat() { return statsFormat; }

    /** What the root builds for the drained groups (null until the drain is built). */
    public OutputPlan outputPlan() { return outputPlan; }

    /** The statistic out ({@code stat_*}) and the reduced one back ({@code glob_*}); null without a collective. */
    public Flow stat() { return stat; }

    public Flow glob() { return glob; }

    /** The drain side ({@code part_*}). */
    public Part part() { return part; }
}
