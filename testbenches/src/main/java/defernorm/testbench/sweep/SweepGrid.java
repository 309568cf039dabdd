package defernorm.testbench.sweep;

import defernorm.cosim.Engine;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cartesian grid of a sweep, op × variant × T × topology × H × n × m × P × Q, plus what every point is
 * run with (tokens, seed, engine, link width). The points come in one stable order, so that point i is the
 * same point on every machine and {@code --shard} slices can be merged back by index:
 * op, n, m, P, Q, topology, H, T, variant, the last one changing fastest (the three variants of one system
 * sit on adjacent lines).
 *
 * <pre>{@code
 * SweepGrid g = new SweepGrid(List.of(Op.RMSNORM), List.of(Variant.values()), List.of(1, 2, 4), List.of(Topology.RING),
 *         List.of(10), List.of(64), List.of(32), List.of(4), List.of(4), 64, 3, 1L, Engine.BUILTIN);
 * g.size();          // 9
 * g.fingerprint();   // "3f1c..." (16 hex digits), the same for the same grid on every machine
 * }</pre>
 *
 * @throws IllegalArgumentException with one sentence when a list is empty or repeats a value, or a point
 *                                  breaks a rule (e.g. T·P must divide n)
 */
public record SweepGrid(List<Op> ops, List<Variant> variants, List<Integer> tiles, List<Topology> topologies,
                        List<Integer> hopLatencies, List<Integer> ns, List<Integer> ms, List<Integer> ps, List<Integer> qs,
                        int linkBits, int tokens, long seed, Engine engine) {

    /** Most tokens streamed through each point: a sweep measures latency, not long runs. */
    public static final int MAX_TOKENS = 64;
    /** Most points in one grid: more is a typo, not a sweep. */
    public static final int MAX_POINTS = 1_000_000;

    public SweepGrid {
        ops = distinct("--ops", ops);
        variants = distinct("--variants", variants);
        tiles = distinct("--tiles", tiles);
        topologies = distinct("--topology", topologies);
        hopLatencies = distinct("--hop-latency", hopLatencies);
        ns = distinct("-n", ns);
        ms = distinct("-m", ms);
        ps = distinct("-P", ps);
        qs = distinct("-Q", qs);
        if (tokens < 1 || tokens > MAX_TOKENS) {
            throw new IllegalArgumentException("--tokens must be between 1 and " + MAX_TOKENS + ", got " + tokens + ".");
        }
        if (engine == null) throw new IllegalArgumentException("a sweep needs an engine: builtin or verilator.");
        long size = (long) ops.size() * variants.size() * tiles.size() * topologies.size() * hopLatencies.size()
                * ns.size() * ms.size() * ps.size() * qs.size();
        if (size > MAX_POINTS) {
            throw new IllegalArgumentException("the grid has " + size + " points, more than " + MAX_POINTS + "; sweep fewer values.");
        }
        for (GridPoint p : enumerate(ops, variants, tiles, topologies, hopLatencies, ns, ms, ps, qs, linkBits)) {
            try {
                PointDesigns.check(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("grid point " + p.id() + " cannot be built: " + e.getMessage());
            }
        }
    }

    /** Number of points. */
    public int size() {
        return ops.size() * variants.size() * tiles.size() * topologies.size() * hopLatencies.size()
                * ns.size() * ms.size() * ps.size() * qs.size();
    }

    /** Every point, in the grid's stable order (index i at position i). */
    public List<GridPoint> points() {
        return enumerate(ops, variants, tiles, topologies, hopLatencies, ns, ms, ps, qs, linkBits);
    }

    private static List<GridPoint> enumerate(List<Op> ops, List<Variant> variants, List<Integer> tiles, List<Topology> topologies,
                                             List<Integer> hopLatencies, List<Integer> ns, List<Integer> ms, List<Integer> ps,
                                             List<Integer> qs, int linkBits) {
        List<GridPoint> out = new ArrayList<>();
        for (Op op : ops)
            for (int n : ns)
                for (int m : ms)
                    for (int p : ps)
                        for (int q : qs)
                            for (Topology topo : topologies)
                                for (int h : hopLatencies)
                                    for (int t : tiles)
                                        for (Variant v : variants)
                                            out.add(new GridPoint(out.size(), op, v, t, topo, h, linkBits, n, m, p, q));
        return out;
    }

    /** The points of one slice, in grid order. */
    public List<GridPoint> points(ShardSpec shard) {
        return points().stream().filter(shard::contains).toList();
    }

    /**
     * What identifies the grid: every list in order, the link width, tokens, seed and engine. Two runs with
     * the same description produce the same points with the same indices.
     */
    public String description() {
        return "ops=" + names(ops) + ";variants=" + names(variants) + ";tiles=" + join(tiles)
                + ";topology=" + topologies.stream().map(Topology::cliName).collect(Collectors.joining(","))
                + ";hopLatency=" + join(hopLatencies) + ";n=" + join(ns) + ";m=" + join(ms) + ";P=" + join(ps) + ";Q=" + join(qs)
                + ";linkBits=" + linkBits + ";tokens=" + tokens + ";seed=" + seed + ";engine=" + GridPoint.name(engine);
    }

    /** The first 16 hex digits of the SHA-256 of {@link #description()}: stamped on every point of the grid. */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(description().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static <T> List<T> distinct(String option, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one value.");
        }
        var seen = new HashSet<T>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(option + " lists " + (v instanceof Enum<?> e ? GridPoint.name(e) : v)
                        + " twice; give each value once.");
            }
        }
        return List.copyOf(values);
    }

    private static String names(List<? extends Enum<?>> es) {
        return es.stream().map(GridPoint::name).collect(Collectors.joining(","));
    }

    private static String join(List<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
