package defernorm.testbench.sweep;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import java.util.Locale;

/**
 * One point of a {@link SweepGrid}: which top (op, variant), which system (T tiles, topology, H register stages
 * per hop, link width) and which shape (total n and m, P lanes per tile, Q output lanes). Its {@link #index()}
 * is its place in the grid's stable order; its {@link #id()} names it in JSON and in messages.
 *
 * <pre>{@code
 * GridPoint p = grid.points().get(0);
 * p.id();       // "layernorm/standard/n256/m32/P4/Q4/ring/H1/T1"
 * p.tile();     // Params(n/T, m, P, Q, 0): what each tile holds
 * }</pre>
 *
 * @param index      place in the grid's order, 0-based
 * @param op         layernorm, rmsnorm or softmax
 * @param variant    standard, deferred or matmul
 * @param tiles      T
 * @param topology   ring or tree
 * @param hopLatency H, register stages per link
 * @param linkBits   bits a statistics link carries per cycle
 * @param n          total vector length (the system's; each tile holds n/T)
 * @param m          output columns
 * @param p          input lanes per tile (the system's input stream has T·P lanes)
 * @param q          output lanes
 */
public record GridPoint(int index, Op op, Variant variant, int tiles, Topology topology, int hopLatency, int linkBits,
                        int n, int m, int p, int q) {

    /** The system's shape: n, m, P, Q with C = 0 (with T > 1 the network is the collective; T = 1 has none). */
    public Params params() {
        return new Params(n, m, p, q, 0);
    }

    /** The system around the tiles. */
    public SystemShape shape() {
        return new SystemShape(tiles, topology, hopLatency, linkBits);
    }

    /** What one tile holds: {@code Params(n/T, m, P, Q, 0)}. */
    public Params tile() {
        return new Params(n / tiles, m, p, q, 0);
    }

    /** The matmul's own cycles per token on one tile: (n/(T·P)) · (m/Q). */
    public long matmulCycles() {
        Params t = tile();
        return (long) t.beats() * t.groups();
    }

    /** A readable, unique name, e.g. {@code rmsnorm/deferred/n256/m32/P4/Q4/tree/H10/T8}. */
    public String id() {
        return name(op) + "/" + name(variant) + "/n" + n + "/m" + m + "/P" + p + "/Q" + q + "/" + topology.cliName()
                + "/H" + hopLatency + "/T" + tiles;
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
