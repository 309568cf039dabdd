package defernorm.testbench.sweep;

/**
 * Runs one grid point and says what it measured. The sweep's one seam: {@link CosimPointRunner} builds the
 * point's top and co-simulates it; tests plug in a cheaper one.
 *
 * <pre>{@code PointRunner r = new CosimPointRunner(grid); PointResult res = r.run(grid.points().get(0)); }</pre>
 */
@FunctionalInterface
public interface PointRunner {
    /** Never throws for a point that cannot be built or simulated: that is a failed {@link PointResult}. */
    PointResult run(GridPoint point);
}
