package defernorm.accel.tops;

import defernorm.accel.units.DelayLine;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.PipelinedUnit;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.hdl.AxiStream;
import defernorm.hdl.Inst;
import defernorm.hdl.Component;
import defernorm.hdl.Output;
import defernorm.hdl.Reg;
import defernorm.hdl.Shape;
import defernorm.hdl.Signal;
import defernorm.hdl.Wire;
import defernorm.hdl.ir.Type;

/**
 * The base of every top: its outside ({@link TopOutside}: {@code clk}, {@code rst}, the configuration write
 * port, {@code s_axis_*}, {@code m_axis_*} and the whole-pipeline enable {@code en}), its configuration decode
 * ({@link ConfigDecode}) and the pieces a subclass builds one variant's datapath from: the front
 * ({@link Front}), the MAC array on the weight region, the collective ({@link CollectiveStage}), the drain
 * ({@link DrainStage}) and the output ({@link RootOutputStage}). Each top reports the {@link PipelineDepths}
 * it was built with ({@link #depths()}).
 *
 * <p>The same datapath classes build a tile of a system ({@link Placement#tile}, docs/system.md): then
 * {@code en} is an input, and the statistic and the drained groups leave through the tile's ports
 * ({@link TilePorts}) in place of the C-register collective and the output stage. A system top
 * ({@link Placement#system}) has the single top's outside and builds the root's output stage with
 * {@link #rootOutput}.
 *
 * <pre>{@code
 * MatmulTop(Op op, Params prm, Placement at) {   // the shape of every subclass's constructor
 *     super(op, Variant.MATMUL, prm, at, TopName.tile(op, Variant.MATMUL, prm, at));
 *     Front f = Front.build(this, prm.p() * Formats.DATA_BITS);
 *     ...
 *     built(new PipelineDepths(...));
 * }
 * }</pre>
 */
public abstract class TopShell extends Component {
    /** Factors a deferred top holds between its factor register and the drain (docs/microarchitecture.md). */
    static final int FACTOR_SLOTS = 4;
    /**
     * Edges from a buffer read (or a normalize lane's output register) to the MAC array accepting the beat:
     * the array's input register loads on the edge after its {@code in_valid} is presented.
     */
    static final int ARRAY_ACCEPT = 1;

    protected final Op op;
    protected final Variant variant;
    /** The shape this module sees: a tile's own (n/T elements, P lanes), or a system's outside (n, T·P lanes). */
    protected final Params prm;
    protected final Placement placement;
    protected final ConfigMap map;
    /** The outside: configuration port, s_axis and m_axis (null in a tile) ({@link TopInterface}). */
    protected final TopInterface io;
    protected final AxiStream s;
    /** Whole-pipeline enable. */
    protected final Signal en;
    final TopOutside outside;
    final ConfigDecode config;
    /** A tile's ports (null outside a tile). */
    private final TilePorts tilePorts;
    private PipelineDepths depths;

    /** A top of {@code op} in {@code variant} at {@code prm}, built at {@code placement}, named {@code name}. */
    protected TopShell(Op op, Variant variant, Params prm, Placement placement, String name) {
        super(name);
        TopLimits.check(op, variant, prm);
        this.op = op;
        this.variant = variant;
        this.prm = prm;
        this.placement = placement;
        this.map = ConfigMap.of(op, variant, prm);
        outside = new TopOutside(this, prm, placement, map);
        io = outside.io;
        s = io.s();
        en = outside.en;
        config = new ConfigDecode(this, map, outside);
        tilePorts = placement.isTile() ? new TilePorts(this) : null;
    }

    /** The outside ({@link TopInterface}): its configuration port and streams. */
    public final TopInterface io() { return io; }

    /** The whole-pipeline enable: a tile's {@code en} input, else the m_axis stall rule. */
    public final Signal enable() { return en; }

    /** The length of the whole vector: n, or T·n/T in a tile (the factor chain and the normalize lane use it). */
    int systemN() { return prm.n() * placement.tiles(); }

    /** Beats of P lanes over the whole vector: sizes the statistic accumulators for the reduced (global) value. */
    int statBeats() { return nb() * placement.tiles(); }

    protected final int nb() { return prm.beats(); }

    protected final int groups() { return prm.groups(); }

    /** The pipeline depths this top was built with, as its units report them (what the golden Schedule is handed). */
    public final PipelineDepths depths() {
        if (depths == null) throw new IllegalStateException(getClass().getSimpleName() + " did not report its depths.");
        return depths;
    }

    /** Records the depths the subclass built (once, at the end of its constructor). */
    protected final void built(PipelineDepths d) { depths = d; }

    /** The tile's ports (a tile only). */
    public final TilePorts tilePorts() {
        if (tilePorts == null) throw new IllegalStateException(getClass().getSimpleName() + " is not a tile: it has no tile ports.");
        return tilePorts;
    }

    // ---- the datapath's shared pieces --------------------------------------------------------------------------

    /** The MAC array instance {@code mac}, its weight write port on the weight region and its enable connected. */
    PlacedArray macArray(MacArray unit) {
        Inst mac = pipelined("mac", unit);
        connect(mac.port(unit.weights), config.writePort(map.weightBase(), map.weightWords(), unit.weights));
        return new PlacedArray(mac, unit);
    }

    /** Instantiates a pipelined {@code unit} under the whole-pipeline enable. */
    protected final Inst pipelined(String name, PipelinedUnit unit) {
        return PipelinedUnit.enabled(instance(name, unit), unit, en);
    }

    /** {@code v} delayed by {@code edges} enabled edges through a {@link DelayLine} named {@code name} (as is when 0). */
    protected final Signal delayLine(String name, Signal v, int edges) {
        return PipelinedUnit.delayLine(v, edges, line -> pipelined(name, line));
    }

    /** The drained groups to where this placement sends them: a tile's ports (depth 0) or the output stage. */
    int deliver(OutputPlan plan, Drained d, Signal factor, Signal exp) {
        if (placement.isTile()) {
            tilePorts().exposeDrain(plan, d, factor, exp);
            return 0;
        }
        return rootOutput(plan, d, plan.accBits(), factor, exp);
    }

    /** The output stage {@code plan} names on the groups {@code d} ({@link RootOutputStage#build}); returns its depth. */
    protected final int rootOutput(OutputPlan plan, Drained d, int accBits, Signal factor, Signal exp) {
        return RootOutputStage.build(this, plan, d, accBits, factor, exp);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A register loading {@code next} on every enabled edge, reset to 0. */
    protected final Signal stage(String name, Signal next) {
        Reg r = reg(name, next.type()).resetTo(0).enable(en);
        r.set(next);
        return r;
    }

    /**
     * {@code v} delayed by {@code cycles} enabled edges (registers {@code name_d1 ..}): a side signal kept
     * beside a unit of that depth, e.g. S1 beside the factor chain.
     */
    Signal delay(String name, Signal v, int cycles) {
        Signal cur = v;
        for (int i = 1; i <= cycles; i++) cur = stage(name + "_d" + i, cur);
        return cur;
    }

    // ---- Component's builder methods for this package's pieces (Front, DrainStage, ...): Component keeps them protected
    final Signal inputPort(String name, Type type) { return input(name, type); }
    final Output outputPort(String name, Type type) { return output(name, type); }
    final Wire newWire(String name, Type type) { return wire(name, type); }
    final Reg newReg(String name, Type type) { return reg(name, type); }
    final <T> void connectPorts(T target, T source) { connect(target, source); }
    final Signal constant(long value, Type type) { return lit(value, type); }
    final void debugSignal(String name, Signal s) { debug(name, s); }

    /** This top's bundle declarations, for {@link TopInterface#declare}. */
    final TopInterface.Ports bundlePorts() {
        return new TopInterface.Ports() {
            @Override public <T> T input(String prefix, Shape<T> shape) { return TopShell.this.input(prefix, shape); }
            @Override public <T> T output(String prefix, Shape<T> shape) { return TopShell.this.output(prefix, shape); }
        };
    }
}
