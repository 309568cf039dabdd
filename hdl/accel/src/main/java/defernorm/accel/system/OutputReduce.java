package defernorm.accel.system;

import defernorm.accel.units.DelayLine;
import defernorm.accel.units.PipelinedUnit;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import defernorm.hdl.Output;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The output reduce of a T-tile system (docs/system.md): every tile drains the same group on the same edge
 * ({@code in_valid}, {@code in_acc_<t>}: Q partial sums of A bits); tile i adds its own group (waiting in a
 * {@link DelayLine} matched to its position) to the partials arriving from its
 * {@link Topology#reduceChildren} over links one group wide (H register stages, one group per cycle), into
 * its combine register; tile 0's register is the reduced group ({@code out_valid}, {@code out_acc}: Q lanes of
 * {@code A + ceil(log2 T)} bits, exact integer sums). Nothing ever stalls: groups stream through at one per
 * cycle.
 *
 * <p>{@link #latency()} = {@code L_or}: edges from a group leaving the tiles' drains to the reduced group:
 * ring {@code T + (T−1)·H}, tree {@code D + 1 + D·H}, {@code D = floor(log2 T)}.
 *
 * <pre>{@code
 * OutputReduce r = new OutputReduce(new SystemShape(4, Topology.TREE, 10, 64), 4, 20);
 * r.latency();   // 2 + 1 + 2·10 = 23
 * }</pre>
 */
public final class OutputReduce extends PipelinedUnit {
    private final int latency, q, outBits;
    /** The tiles' drained groups (one valid: lockstep) and their sum at tile 0. */
    public final Signal inValid;
    public final Vec<Signal> inAcc;
    public final Output outValid, outAcc;

    public OutputReduce(SystemShape shape, int q, int accBits) {
        super("OutputReduce_T" + shape.tiles() + "_" + shape.topology().cliName() + "_H" + shape.hopLatency() + "_Q" + q + "_A" + accBits);
        int tiles = shape.tiles();
        if (tiles < 2) throw new IllegalArgumentException("An output reduce needs at least 2 tiles, not " + tiles + ".");
        this.q = q;
        this.outBits = sumBits(accBits, tiles);
        ReducePlan plan = new ReducePlan(shape.topology(), tiles, shape.hopLatency());
        inValid = input("in_valid", Type.bool());
        inAcc = input("in_acc", Vec.of(tiles, Type.uint(q * accBits)));
        Signal[] partial = new Signal[tiles], arrived = new Signal[tiles];
        reduce(0, shape, plan, inValid, inAcc.asList(), accBits, partial, arrived);
        this.latency = plan.ready(0);
        int w = q * outBits;
        outValid = output("out_valid", partial[0].bit(w));
        outAcc = output("out_acc", partial[0].slice(w - 1, 0));
    }

    /** Width of a reduced lane: a tile's accumulator plus ceil(log2 T) bits, so T sums never overflow. */
    public static int sumBits(int accBits, int tiles) {
        return accBits + Type.clog2(tiles);
    }

    private void reduce(int node, SystemShape shape, ReducePlan plan, Signal valid, List<Signal> own, int accBits,
                        Signal[] partial, Signal[] arrived) {
        int tiles = own.size();
        int at = plan.combineAt(node);
        int w = q * outBits;
        Signal mine = delayLine("own" + node, Signal.cat(valid, own.get(node)), at);
        List<Signal> sum = new ArrayList<>();
        for (Signal lane : lanes(mine.slice(q * accBits - 1, 0), q, Type.sint(accBits))) sum.add(lane.extend(outBits));
        for (int c : shape.topology().reduceChildren(node, tiles)) {
            reduce(c, shape, plan, valid, own, accBits, partial, arrived);
            Signal in = delayLine("wait" + c, arrived[c], at - plan.arrival(c));
            List<Signal> theirs = lanes(in.slice(w - 1, 0), q, Type.sint(outBits));
            for (int j = 0; j < q; j++) sum.set(j, sum.get(j).plus(theirs.get(j)).truncate(outBits));
        }
        partial[node] = stage("partial" + node, Signal.cat(mine.bit(q * accBits), pack(sum)));
        if (node != 0) arrived[node] = delayLine("up" + node, partial[node], shape.hopLatency());
    }

    /** Width of a reduced lane ({@link #sumBits}). */
    public int outBits() { return outBits; }

    /** L_or: edges from the tiles' drained group to the reduced group. */
    public int latency() { return latency; }
}
