package defernorm.accel.system;

import defernorm.accel.units.DelayLine;
import defernorm.accel.units.Flow;
import defernorm.accel.units.PipelinedUnit;
import defernorm.accel.units.StatsFormat;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import defernorm.hdl.ir.Type;
import java.util.List;

/**
 * The statistics all-reduce of a T-tile system (docs/system.md): every tile presents its statistic word on
 * the same edge ({@code in_valid}, {@code in_data_<t>}); the words combine toward tile 0 along the
 * topology's reduce tree ({@link Topology#reduceChildren}, one combine register per tile, {@link Link}s of
 * H stages between tiles), tile 0's result is broadcast back down the topology's broadcast tree (store and
 * forward), and every tile receives it on the same edge ({@code out_valid_<t>}, {@code out_data_<t>}): a tile
 * reached early holds it in a {@link DelayLine} matched to its position. The combine is {@link StatsFormat}'s:
 * field-wise sums, or softmax's online merge ⊕.
 *
 * <p>{@link #latency()} = {@code L_ar}: edges from the tiles' statistic registers to the global value at every
 * tile. With {@code hop = H + F − 1} ({@link Link}): ring {@code T + 2(T−1)·hop}, tree
 * {@code D + 1 + 2D·hop}, {@code D = floor(log2 T)}.
 *
 * <pre>{@code
 * StatsAllReduce ar = new StatsAllReduce(new SystemShape(4, Topology.RING, 10, 64), StatsFormat.sums(List.of(23)));
 * ar.latency();   // 4 + 2·3·10 = 64
 * }</pre>
 */
public final class StatsAllReduce extends PipelinedUnit {
    private final int latency;
    private final StatsFormat format;
    /** The tiles' statistics (one valid: they are in lockstep) and the reduced statistic delivered to each. */
    public final Signal inValid;
    public final Vec<Signal> inData, outValid, outData;

    public StatsAllReduce(SystemShape shape, StatsFormat format) {
        super("StatsAllReduce_T" + shape.tiles() + "_" + shape.topology().cliName() + "_H" + shape.hopLatency()
                + "_L" + shape.linkBits() + (format.merge() ? "_merge" : "_sum") + "_W" + format.width());
        int tiles = shape.tiles();
        if (tiles < 2) throw new IllegalArgumentException("An all-reduce needs at least 2 tiles, not " + tiles + ".");
        this.format = format;
        int bits = format.width();
        Link link = new Link(bits, shape.hopLatency(), shape.linkBits());
        ReducePlan plan = new ReducePlan(shape.topology(), tiles, link.latency());
        Topology topo = shape.topology();
        inValid = input("in_valid", Type.bool());
        inData = input("in_data", Vec.of(tiles, Type.uint(bits)));
        outValid = output("out_valid", Vec.of(tiles, Type.bool()));
        outData = output("out_data", Vec.of(tiles, Type.uint(bits)));

        // ---- reduce toward tile 0: children before parents (heap and ring numbering both allow a recursion) ----
        Signal[] partial = new Signal[tiles];   // each tile's combine register: cat(valid, value)
        Signal[] arrived = new Signal[tiles];   // each tile's partial at its parent
        reduce(0, topo, plan, link, inValid, inData.asList(), partial, arrived);

        // ---- broadcast from tile 0, then delivery on one edge ------------------------------------------------
        int rootReady = plan.ready(0);
        this.latency = rootReady + plan.broadcastDepth() * link.latency();
        Signal[] received = new Signal[tiles];
        received[0] = partial[0];
        for (int t = 0; t < tiles; t++) {   // broadcast parents have lower numbers in both topologies
            for (int c : topo.broadcastChildren(t, tiles)) received[c] = hop("down" + c, link, received[t]);
        }
        for (int t = 0; t < tiles; t++) {
            int wait = latency - rootReady - topo.broadcastDepth(t, tiles) * link.latency();
            Signal delivered = align("deliver" + t, received[t], wait);
            outValid.get(t).set(delivered.bit(bits));
            outData.get(t).set(delivered.slice(bits - 1, 0));
        }
    }

    private void reduce(int node, Topology topo, ReducePlan plan, Link link, Signal valid, List<Signal> own,
                        Signal[] partial, Signal[] arrived) {
        int tiles = own.size();
        int at = plan.combineAt(node);
        Signal mine = align("own" + node, Signal.cat(valid, own.get(node)), at);
        int bits = format.width();
        Signal value = mine.slice(bits - 1, 0);
        for (int c : topo.reduceChildren(node, tiles)) {
            reduce(c, topo, plan, link, valid, own, partial, arrived);
            Signal in = align("wait" + c, arrived[c], at - plan.arrival(c));
            value = combine(value, in.slice(bits - 1, 0));
        }
        partial[node] = stage("partial" + node, Signal.cat(mine.bit(bits), value));
        if (node != 0) arrived[node] = hop("up" + node, link, partial[node]);
    }

    /** {@code a ⊕ b} in this format. */
    private Signal combine(Signal a, Signal b) {
        List<Integer> f = format.fieldBits();
        if (format.merge()) {
            int denBits = f.get(0), maxBits = f.get(1);
            Signal da = a.slice(denBits - 1, 0), db = b.slice(denBits - 1, 0);
            Signal ma = a.slice(denBits + maxBits - 1, denBits).asSigned();
            Signal mb = b.slice(denBits + maxBits - 1, denBits).asSigned();
            Signal mx = Signal.mux(ma.gt(mb), ma, mb);
            Signal sa = mx.minus(ma).asUnsigned().truncate(maxBits);
            Signal sb = mx.minus(mb).asUnsigned().truncate(maxBits);
            Signal den = roundShift(da, sa).plus(roundShift(db, sb)).truncate(denBits);
            return Signal.cat(mx.asUnsigned(), den);
        }
        Signal[] msbFirst = new Signal[f.size()];
        int lo = 0;
        for (int i = 0; i < f.size(); i++) {
            int w = f.get(i);
            Signal sum = a.slice(lo + w - 1, lo).plus(b.slice(lo + w - 1, lo)).truncate(w);
            msbFirst[f.size() - 1 - i] = sum;
            lo += w;
        }
        return msbFirst.length == 1 ? msbFirst[0] : Signal.cat(msbFirst);
    }

    /** A message {@code cat(valid, data)} over one link. */
    private Signal hop(String name, Link link, Signal msg) {
        return through(pipelined(name, link), link.in, link.out, msg);
    }

    /**
     * The message {@code cat(valid, data)} delayed by {@code edges}: as is when 0, registers while that is
     * no more than the FIFO a {@link MessageDelay} would hold, else a {@link MessageDelay}.
     */
    private Signal align(String name, Signal msg, int edges) {
        if (edges == 0) return msg;
        if (edges <= MessageDelay.SLOTS) return delayLine(name, msg, edges);
        MessageDelay delay = new MessageDelay(msg.width() - 1, edges);
        return through(pipelined(name, delay), delay.in, delay.out, msg);
    }

    /** A message {@code cat(valid, data)} into a child's {@code in} flow, and its {@code out} flow as a message. */
    private Signal through(Inst child, Flow in, Flow out, Signal msg) {
        int bits = msg.width() - 1;
        connect(child.port(in), new Flow(msg.bit(bits), msg.slice(bits - 1, 0)));
        Flow o = child.port(out);
        return Signal.cat(o.valid(), o.data());
    }

    /** L_ar: edges from the statistic registers to the global statistic at every tile. */
    public int latency() { return latency; }
}
