package defernorm.testbench.sweep;

import defernorm.golden.model.Variant;

/**
 * What one grid point measured: the golden-predicted and the measured latency, whether the RTL matched the
 * golden model on every cycle and bit, and the numbers the system report needs (L_ar, L_or, the matmul's
 * own cycles, the deferred top's hiding limit). No timings or dates: a point's record is the same on every
 * run, so sharded and merged output equals an unsharded run byte for byte.
 *
 * <pre>{@code
 * PointResult r = runner.run(point);
 * r.collectiveShare();   // standard: L_ar / latency; NaN for the other variants
 * }</pre>
 *
 * @param point              the grid point
 * @param predictedLatency   the golden schedule's latency of token 0 at line rate, or -1 when the point could not be built
 * @param latency            measured cycles from token 0's first input handshake to its last output handshake, or -1
 * @param cyclesPerToken     measured steady-state cycles per token, or NaN (fewer than two tokens delivered)
 * @param passed             the RTL matched the golden model on every compared cycle and bit
 * @param mismatches         output beats that differ, are missing or extra
 * @param problem            the first mismatch, or why the point could not be built or run; empty when it passed
 * @param collectiveCycles   L_ar, edges of the statistics all-reduce (0 at T = 1), or -1 when unknown
 * @param outputReduceCycles L_or, edges of the output reduce (0 at T = 1), or -1 when unknown
 * @param hidingLimit        deferred: the largest collective latency the tile's matmul hides (H of the tile
 *                           schedule, negative when not even a 0-cycle collective is hidden); null for the other variants or when unknown
 */
public record PointResult(GridPoint point, long predictedLatency, long latency, double cyclesPerToken, boolean passed,
                          int mismatches, String problem, long collectiveCycles, long outputReduceCycles, Long hidingLimit) {

    public PointResult {
        problem = problem == null ? "" : problem;
    }

    /** A point that could not be built or run: {@code why} is one sentence. */
    static PointResult failed(GridPoint p, long predictedLatency, String why) {
        return new PointResult(p, predictedLatency, -1, Double.NaN, false, 0, why, -1, -1, null);
    }

    /** The same measurements, filed under another point (one whose hardware is the same). */
    PointResult at(GridPoint other) {
        return new PointResult(other, predictedLatency, latency, cyclesPerToken, passed, mismatches, problem, collectiveCycles,
                outputReduceCycles, hidingLimit);
    }

    /** Standard: the share of its measured latency spent in the statistics collective, L_ar / latency; NaN otherwise. */
    public double collectiveShare() {
        if (point.variant() != Variant.STANDARD || latency <= 0 || collectiveCycles < 0) return Double.NaN;
        return (double) collectiveCycles / latency;
    }

    /** Deferred: whether the collective fits behind the tile's matmul (L_ar ≤ hiding limit); false otherwise. */
    public boolean collectiveHidden() {
        return point.variant() == Variant.DEFERRED && hidingLimit != null && collectiveCycles >= 0 && collectiveCycles <= hidingLimit;
    }
}
