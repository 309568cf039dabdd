package defernorm.testbench.sweep;

import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import java.util.EnumMap;
import java.util.Map;

/**
 * One system of a sweep (op, shape, topology, H, T) with the results of its variants side by side: what the
 * system report and the benchmark tabulate.
 *
 * <pre>{@code
 * SystemRow row = SystemFindings.rows(results).get(0);
 * row.latency(Variant.STANDARD);   // measured, or -1 when that variant was not run or failed
 * }</pre>
 */
public record SystemRow(Op op, int n, int m, int p, int q, Topology topology, int hopLatency, int tiles,
                        Map<Variant, PointResult> variants) {
    public SystemRow {
        variants = Map.copyOf(variants);
    }

    /** The row a point belongs to (its variant's result not yet added). */
    static SystemRow of(GridPoint p) {
        return new SystemRow(p.op(), p.n(), p.m(), p.p(), p.q(), p.topology(), p.hopLatency(), p.tiles(), Map.of());
    }

    SystemRow with(PointResult r) {
        Map<Variant, PointResult> byVariant = new EnumMap<>(Variant.class);
        byVariant.putAll(variants);
        byVariant.put(r.point().variant(), r);
        return new SystemRow(op, n, m, p, q, topology, hopLatency, tiles, byVariant);
    }

    /** Measured latency of {@code v}, or -1 when it was not run, could not be built, or did not pass. */
    public long latency(Variant v) {
        PointResult r = variants.get(v);
        return r == null || !r.passed() ? -1 : r.latency();
    }

    /**
     * L_ar of the statistics all-reduce: deferred's (what its hiding is measured against), else standard's, or -1.
     * Matmul-only has no collective and reports 0.
     */
    public long collectiveCycles() {
        for (Variant v : new Variant[] {Variant.DEFERRED, Variant.STANDARD}) {
            PointResult r = variants.get(v);
            if (r != null && r.collectiveCycles() >= 0) return r.collectiveCycles();
        }
        return -1;
    }

    /** The tile's own matmul cycles per token, (n/(T·P))·(m/Q). */
    public long matmulCycles() {
        return (long) n / ((long) tiles * p) * (m / q);
    }

    /** Standard's measured share of latency in the statistics collective, or NaN. */
    public double collectiveShare() {
        PointResult r = variants.get(Variant.STANDARD);
        return r == null || !r.passed() ? Double.NaN : r.collectiveShare();
    }

    /** Deferred's hiding limit (the tile schedule's), or null. */
    public Long hidingLimit() {
        PointResult r = variants.get(Variant.DEFERRED);
        return r == null ? null : r.hidingLimit();
    }

    /** Measured deferred − matmul-only latency, or null when either is missing. */
    public Long deferredOverMatmul() {
        long d = latency(Variant.DEFERRED);
        long mm = latency(Variant.MATMUL);
        return d < 0 || mm < 0 ? null : d - mm;
    }

    /** "T = 4, ring, H = 10". */
    public String where() {
        return "T = " + tiles + ", " + topology.cliName() + ", H = " + hopLatency;
    }
}
