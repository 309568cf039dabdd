package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep on real tops (built-in engine, tiny shapes, T = 1 and 2): single tiles are today's tops, and slices merge exactly. */
class CosimSweepTest {
    private static final List<Integer> TILES = List.of(1, 2);

    private static SweepGrid grid(List<Topology> topologies, List<Integer> hops) {
        return new SweepGrid(List.of(Op.values()), List.of(Variant.values()), TILES, topologies, hops, List.of(16), List.of(8),
                List.of(2), List.of(4), 64, 2, 3L, Engine.BUILTIN);
    }

    @Test
    void everyPointPassesAndASingleTileIsTodaysTopCycleForCycle() {
        SweepGrid g = grid(List.of(Topology.RING, Topology.TREE), List.of(1, 100));
        List<PointResult> rs = SweepRunner.run(g, ShardSpec.ALL, 2, new CosimPointRunner(g), l -> {}, r -> {});
        for (PointResult r : rs) {
            GridPoint p = r.point();
            assertTrue(r.passed(), r.point().id() + ": " + r.problem());
            assertEquals(r.predictedLatency(), r.latency(), p.id());
            if (p.tiles() > 1) continue;
            Params single = new Params(p.n(), p.m(), p.p(), p.q(), 0);
            CheckResult today = Checker.check(Tops.underTest(p.variant(), RandomLayers.config(p.op(), single, g.seed())),
                    CheckPlan.free(RandomTokens.generate(p.n(), g.tokens(), g.seed()), g.seed()), SimOptions.builtin());
            assertEquals(today.latency(), r.latency(), p.id());
            assertEquals(today.cyclesPerToken(), r.cyclesPerToken(), p.id());
            assertEquals(TopGenerator.schedule(p.op(), p.variant(), single).tokenLatency(), r.predictedLatency(), p.id());
            assertEquals(0, r.collectiveCycles(), "one tile has no collective");
            assertEquals(0, r.outputReduceCycles());
            if (p.variant() == Variant.STANDARD) assertEquals(0.0, r.collectiveShare());
            if (p.variant() == Variant.DEFERRED) {
                assertEquals(TopGenerator.schedule(p.op(), Variant.DEFERRED, single).hidingLimit(), r.hidingLimit());
                assertTrue(r.collectiveHidden());
            }
        }
    }

    @Test
    void threeSlicesMergeIntoTheUnshardedRun() {
        SweepGrid g = grid(List.of(Topology.RING), List.of(1, 10));   // 3 ops x 3 variants x T {1, 2} x 2 H = 36 points
        StringBuilder whole = new StringBuilder();
        SweepRunner.run(g, ShardSpec.ALL, 2, new CosimPointRunner(g), l -> whole.append(l).append('\n'), r -> {});
        List<PointJson.Line> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> slice = new ArrayList<>();
            SweepRunner.run(g, new ShardSpec(i, 3), 1, new CosimPointRunner(g), slice::add, r -> {});
            for (String l : slice) lines.add(PointJson.parse(l, "slice " + i));
        }
        lines.sort((a, b) -> Integer.compare(a.index(), b.index()));
        assertEquals(36, lines.size());
        assertEquals(whole.toString(), SweepMerge.text(lines));
    }
}
