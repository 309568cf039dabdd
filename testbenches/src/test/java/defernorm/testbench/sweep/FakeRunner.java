package defernorm.testbench.sweep;

import defernorm.golden.model.Variant;

/**
 * A point runner without hardware, for testing the sweep's plumbing: a latency made up from the point
 * (matmul cycles, a collective of T·H cycles that standard pays, deferred hides up to 40 cycles, matmul-only has
 * none), passing.
 */
final class FakeRunner implements PointRunner {
    static final long HIDING_LIMIT = 40;
    static final long EXTRA = 2;

    @Override public PointResult run(GridPoint p) {
        long collective = p.tiles() == 1 ? 0 : (long) p.tiles() * p.hopLatency();
        long matmul = p.matmulCycles() + 10;
        long latency = switch (p.variant()) {
            case MATMUL -> matmul;
            case DEFERRED -> matmul + EXTRA + Math.max(0, collective - HIDING_LIMIT);
            case STANDARD -> matmul + 20 + collective;
        };
        Long h = p.variant() == Variant.DEFERRED ? HIDING_LIMIT : null;
        return new PointResult(p, latency, latency, p.matmulCycles(), true, 0, "", p.variant() == Variant.MATMUL ? 0 : collective, 0, h);
    }
}
