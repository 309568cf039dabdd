package defernorm.accel.tops;

import defernorm.accel.units.CollectiveDelay;
import defernorm.accel.units.Flow;
import defernorm.accel.units.StatsFormat;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;

/**
 * The collective after the statistic register ({@code valid} on the token's final value), by placement: a
 * single top's C registers ({@link CollectiveDelay}, standing for the gather across tiles); a tile's
 * all-reduce ports ({@link TilePorts#exchangeStatistic}), its statistic laid out as {@code format} says.
 *
 * <pre>{@code
 * Flow g = CollectiveStage.build(top, s2.last(), stats, StatsFormat.sums(List.of(s2Bits)));
 * }</pre>
 */
final class CollectiveStage {
    private CollectiveStage() {}

    /** The reduced statistic: {@code valid} pulses once per token. */
    static Flow build(TopShell top, Signal valid, Signal data, StatsFormat format) {
        if (format.width() != data.width()) {
            throw new IllegalStateException("the statistic word is " + data.width() + " bits, its format " + format.width() + ".");
        }
        if (top.placement.isTile()) return top.tilePorts().exchangeStatistic(format, valid, data);
        CollectiveDelay coll = new CollectiveDelay(data.width(), top.prm.c());
        Inst col = top.pipelined("collective", coll);
        top.connectPorts(col.port(coll.in), new Flow(valid, data));
        return col.port(coll.out);
    }
}
