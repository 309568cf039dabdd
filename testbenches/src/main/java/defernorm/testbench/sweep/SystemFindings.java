package defernorm.testbench.sweep;

import defernorm.golden.model.Op;
import defernorm.golden.system.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a system sweep shows: its points grouped into {@link SystemRow}s, and where deferral stops hiding the
 * statistics collective. Deferred's latency is matmul-only's plus a fixed extra (its final scale over the
 * output stage, plus the exp front for softmax) as long as the collective fits behind the tile's matmul; the
 * fixed extra of an op is taken from its rows where the collective is hidden by the golden hiding limit, and
 * a row's excess is how far deferred exceeds matmul-only plus that extra.
 *
 * <pre>{@code
 * List<SystemRow> rows = SystemFindings.rows(results);
 * Optional<SystemRow> stop = SystemFindings.firstUnhidden(rows, Op.RMSNORM, Topology.RING, 10);
 * }</pre>
 */
public final class SystemFindings {
    /** The share of latency in the statistics collective the issue quotes from the paper. */
    public static final double PAPER_SHARE = 0.20;

    private SystemFindings() {}

    /** One row per system, in the grid's order of first appearance. */
    public static List<SystemRow> rows(List<PointResult> results) {
        Map<List<Object>, SystemRow> rows = new LinkedHashMap<>();
        for (PointResult r : results) {
            GridPoint p = r.point();
            List<Object> key = List.of(p.op(), p.n(), p.m(), p.p(), p.q(), p.topology(), p.hopLatency(), p.tiles());
            rows.put(key, rows.getOrDefault(key, SystemRow.of(p)).with(r));
        }
        return List.copyOf(rows.values());
    }

    /**
     * The op's fixed extra of deferred over matmul-only at the rows' shape: the smallest measured difference
     * among rows whose collective the golden model says is hidden; empty when there is none.
     */
    public static Optional<Long> fixedExtra(List<SystemRow> rows, Op op) {
        return rows.stream().filter(r -> r.op() == op && hidden(r) && r.deferredOverMatmul() != null)
                .map(SystemRow::deferredOverMatmul).min(Long::compare);
    }

    /** Cycles deferred spends beyond matmul-only plus the fixed extra (0 while hidden), or null when unknown. */
    public static Long excess(List<SystemRow> rows, SystemRow row) {
        Optional<Long> extra = fixedExtra(rows, row.op());
        Long d = row.deferredOverMatmul();
        return extra.isEmpty() || d == null ? null : d - extra.get();
    }

    /** The smallest T (of one op, topology and H) where deferred exceeds matmul-only plus the fixed extra. */
    public static Optional<SystemRow> firstUnhidden(List<SystemRow> rows, Op op, Topology topology, int hop) {
        return rows.stream().filter(r -> r.op() == op && r.topology() == topology && r.hopLatency() == hop)
                .filter(r -> { Long e = excess(rows, r); return e != null && e > 0; })
                .min(Comparator.comparingInt(SystemRow::tiles));
    }

    /** The largest share of standard's latency spent in the collective among {@code rows}, or NaN. */
    public static double maxShare(List<SystemRow> rows) {
        return rows.stream().mapToDouble(SystemRow::collectiveShare).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /**
     * One sentence per op and topology saying up to where deferral hides the collective, e.g. "rmsnorm, ring:
     * deferred stays at matmul-only + 2 cycles for every T and H swept except H = 100 from T = 8 (L_ar 1712 > hiding limit 60)".
     */
    public static List<String> hidingSentences(List<SystemRow> rows) {
        List<String> out = new ArrayList<>();
        for (Op op : rows.stream().map(SystemRow::op).distinct().toList()) {
            Optional<Long> extra = fixedExtra(rows, op);
            if (extra.isEmpty()) {
                out.add(GridPoint.name(op) + ": no system of the sweep hides its collective, or deferred and matmul-only were not both run.");
                continue;
            }
            for (Topology t : rows.stream().filter(r -> r.op() == op).map(SystemRow::topology).distinct().toList()) {
                List<String> stops = new ArrayList<>();
                for (int h : rows.stream().filter(r -> r.op() == op && r.topology() == t).map(SystemRow::hopLatency).distinct().toList()) {
                    firstUnhidden(rows, op, t, h).ifPresent(r -> stops.add(String.format(Locale.ROOT,
                            "H = %d from T = %d (L_ar %d cycles against a tile matmul of %d; deferred %+d cycles over matmul-only + %d)",
                            h, r.tiles(), r.collectiveCycles(), r.matmulCycles(), excess(rows, r), extra.get())));
                }
                out.add(GridPoint.name(op) + ", " + t.cliName() + ": deferred = matmul-only + " + extra.get() + " cycles "
                        + (stops.isEmpty() ? "at every T and H swept: the collective is always hidden."
                        : "until deferral stops hiding the collective at " + String.join("; ", stops) + "."));
            }
        }
        return out;
    }

    private static boolean hidden(SystemRow r) {
        Long h = r.hidingLimit();
        return h != null && r.collectiveCycles() >= 0 && r.collectiveCycles() <= h;
    }
}
