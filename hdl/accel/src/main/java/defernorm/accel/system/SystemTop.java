package defernorm.accel.system;

import defernorm.accel.tops.ConfigMap;
import defernorm.accel.tops.ConfigPort;
import defernorm.accel.units.Flow;
import defernorm.accel.tops.Drained;
import defernorm.accel.tops.OutputPlan;
import defernorm.accel.tops.Placement;
import defernorm.accel.tops.TilePorts;
import defernorm.accel.tops.TopGenerator;
import defernorm.accel.tops.TopName;
import defernorm.accel.tops.TopShell;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.timing.PipelineDepths;
import defernorm.hdl.AxiStream;
import defernorm.hdl.Bits;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A system of T identical tiles in lockstep (docs/system.md): the single top's outside at T·P lanes (lane
 * {@code t·P + p} of every input beat belongs to tile t), T tiles ({@link TopGenerator#tile}), the statistics
 * all-reduce ({@link StatsAllReduce}, in place of the collective's C registers), the output reduce of the
 * drained groups to tile 0 ({@link OutputReduce}) and the root's output stage (bias; deferred: the final
 * scale with tile 0's factor, which travels beside the reduce). One enable stalls everything while
 * {@code m_axis_tready} is low.
 *
 * <p>Configuration: the single top's address map at T·P lanes; a weight word's rows {@code t·P ..} go to
 * tile t, the constant word to every tile, the biases to the root.
 */
final class SystemTop extends TopShell {
    private final int collectiveCycles, outputReduceCycles;

    SystemTop(Op op, Variant variant, Params params, SystemShape shape) {
        super(op, variant, SystemLimits.outside(params, shape), Placement.system(shape.tiles()), TopName.system(op, variant, params, shape));
        int tiles = shape.tiles();
        Params own = SystemLimits.tileParams(params, shape);
        TopShell tile = TopGenerator.tile(op, variant, own, tiles);
        ConfigMap tileMap = ConfigMap.of(op, variant, own);
        int laneBits = params.p() * Formats.DATA_BITS;
        List<Inst> t = new ArrayList<>();
        for (int i = 0; i < tiles; i++) {
            Inst ti = instance("tile" + i, tile);
            ti.in(tile.enable(), en);
            connect(ti.port(tile.io().cfg()), new ConfigPort(io.cfg().we(), io.cfg().addr(), tileWord(i, tileMap)));
            AxiStream in = ti.port(tile.io().s());
            in.tvalid().set(s.tvalid());
            in.tlast().set(s.tlast());
            in.tdata().set(s.tdata().slice((i + 1) * laneBits - 1, i * laneBits));
            t.add(ti);
        }
        // Lockstep: every tile's ready is the same; tile 0's is the system's.
        s.tready().set(t.get(0).port(tile.io().s()).tready());

        // ---- statistics all-reduce ------------------------------------------------------------------------------
        int lar = 0;
        TilePorts ports = tile.tilePorts();
        if (variant != Variant.MATMUL) {
            SystemLimits.checkLink(ports.statsFormat().width(), shape.linkBits(), own.beats());
            StatsAllReduce unit = new StatsAllReduce(shape, ports.statsFormat());
            Inst ar = pipelined("allreduce", unit);
            ar.in(unit.inValid, t.get(0).out(ports.stat().valid()));
            for (int i = 0; i < tiles; i++) {
                ar.in(unit.inData.get(i), t.get(i).out(ports.stat().data()));
                connect(t.get(i).port(ports.glob()), new Flow(ar.out(unit.outValid.get(i)), ar.out(unit.outData.get(i))));
            }
            lar = unit.latency();
        }

        // ---- output reduce to tile 0, tile 0's drain side beside it, the root's stage ----------------------------
        OutputPlan plan = ports.outputPlan();
        OutputReduce reduceUnit = new OutputReduce(shape, params.q(), plan.accBits());
        Inst red = pipelined("outreduce", reduceUnit);
        TilePorts.Part part = ports.part();
        red.in(reduceUnit.inValid, t.get(0).out(part.valid()));
        for (int i = 0; i < tiles; i++) red.in(reduceUnit.inAcc.get(i), t.get(i).out(part.acc()));
        int lor = reduceUnit.latency();
        // Tile 0's drain side (last, group, factor, exp) travels beside the reduce in one delay line.
        Inst root = t.get(0);
        boolean grouped = own.groups() > 1;
        List<Signal> side = new ArrayList<>(List.of(root.out(part.last())));
        if (grouped) side.add(root.out(part.group()));
        if (plan.scaled()) side.addAll(List.of(root.out(part.factor()), root.out(part.exp())));
        Vec<Signal> early = Vec.from(side);
        List<Signal> late = Bits.unpack(early, delayLine("root_side", Bits.pack(early), lor)).asList();
        Signal group = grouped ? late.get(1) : null;
        Signal factor = plan.scaled() ? late.get(side.size() - 2) : null, exp = plan.scaled() ? late.getLast() : null;
        Drained reduced = new Drained(red.out(reduceUnit.outValid), late.get(0), group, red.out(reduceUnit.outAcc));
        int output = rootOutput(plan, reduced, reduceUnit.outBits(), factor, exp);

        PipelineDepths d = tile.depths();
        this.collectiveCycles = lar;
        this.outputReduceCycles = lor;
        built(new PipelineDepths(d.write(), d.reduction(), d.factor(), d.readToArray(), d.mac(), lor + output, d.factorSlots()));
    }

    /**
     * Tile {@code i}'s configuration data: its P rows of a weight word (bits {@code i·P·Q·8 ..}), else (biases,
     * the constant word) the low bits as they are.
     */
    private Signal tileWord(int i, ConfigMap tileMap) {
        int rows = tileMap.weightBits();
        int bits = tileMap.dataBits();
        Signal data = io.cfg().wdata();
        Signal mine = data.slice((i + 1) * rows - 1, i * rows).resize(bits);
        Signal low = data.resize(bits);
        if (i == 0 && rows >= bits) return mine;
        return Signal.mux(io.cfg().addr().lt(map.biasBase()), mine, low);
    }

    /** L_ar: edges from the tiles' statistic registers to the global statistic (0 for matmul-only). */
    int collectiveCycles() { return collectiveCycles; }

    /** L_or: edges from the tiles' drained group to the reduced group at the root. */
    int outputReduceCycles() { return outputReduceCycles; }
}
