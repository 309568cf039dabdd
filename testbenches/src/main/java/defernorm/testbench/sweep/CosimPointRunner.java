package defernorm.testbench.sweep;

import defernorm.cosim.SimOptions;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.golden.timing.Schedule;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a grid point in RTL: builds its top (single at T = 1, the T-tile system otherwise), loads a random
 * legal layer configuration, streams the grid's random tokens back to back at line rate and compares every
 * cycle with the golden model ({@link Checker}). The configuration and tokens depend only on the grid's seed,
 * the op and the shape, so a point measures the same on every run and every machine. At T = 1 the topology
 * and H do not exist in the hardware (one tile, no network), so such points are simulated once per op,
 * variant and shape and the result is shared.
 *
 * <pre>{@code PointResult r = new CosimPointRunner(grid).run(point); }</pre>
 */
public final class CosimPointRunner implements PointRunner {
    private final SweepGrid grid;
    /** Single-tile results by the point with topology and H cleared: the same hardware. */
    private final Map<GridPoint, CompletableFuture<PointResult>> singles = new ConcurrentHashMap<>();

    public CosimPointRunner(SweepGrid grid) {
        this.grid = grid;
    }

    @Override public PointResult run(GridPoint p) {
        if (p.tiles() > 1) return simulate(p);
        GridPoint key = new GridPoint(0, p.op(), p.variant(), 1, Topology.RING, 0, p.linkBits(), p.n(), p.m(), p.p(), p.q());
        CompletableFuture<PointResult> mine = new CompletableFuture<>();
        CompletableFuture<PointResult> first = singles.putIfAbsent(key, mine);
        if (first == null) mine.complete(simulate(key));
        return (first == null ? mine : first).join().at(p);
    }

    private PointResult simulate(GridPoint p) {
        long predicted = -1;
        try {
            Schedule schedule = PointDesigns.schedule(p);
            predicted = schedule.tokenLatency();
            LayerConfig cfg = PointDesigns.layer(p, grid.seed());
            List<byte[]> tokens = RandomTokens.generate(p.n(), grid.tokens(), grid.seed());
            CheckResult r = Checker.check(PointDesigns.underTest(p, cfg), CheckPlan.free(tokens, grid.seed()), SimOptions.of(grid.engine()));
            Long h = p.variant() == Variant.DEFERRED ? schedule.hidingLimit() : null;
            return new PointResult(p, predicted, r.latency(), r.cyclesPerToken(), r.passed(), r.mismatches(),
                    r.passed() ? "" : r.firstMismatch().describe(), PointDesigns.collectiveCycles(p), PointDesigns.outputReduceCycles(p), h);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            return PointResult.failed(p, predicted, "could not build or simulate: " + why);
        }
    }
}
