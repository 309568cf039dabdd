package defernorm.accel.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.accel.units.StatsFormat;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.system.SystemShape;
import defernorm.golden.system.Topology;
import defernorm.hdl.Diagnostic;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemGeneratorTest {
    private static final Params PRM = new Params(32, 8, 4, 4, 0);

    @Test
    void everyOpAndVariantElaboratesWithoutWarnings() {
        for (Topology topo : Topology.values()) {
            for (Op op : Op.values()) {
                for (Variant v : Variant.values()) {
                    Design d = Elaborator.elaborate(SystemGenerator.generate(op, v, PRM, new SystemShape(4, topo, 2, 64)));
                    assertTrue(d.top().endsWith("_T4_" + topo.cliName() + "_H2_L64"), d.top());
                }
            }
        }
    }

    @Test
    void oneTileIsTheSingleTop() {
        for (Op op : Op.values()) {
            for (Variant v : Variant.values()) {
                Params p = new Params(16, 8, 4, 4, 3);
                assertEquals(TopGenerator.depths(op, v, p), SystemGenerator.depths(op, v, p, SystemShape.single()));
                assertEquals(TopGenerator.schedule(op, v, p), SystemGenerator.schedule(op, v, p, SystemShape.single()));
                assertEquals(0, SystemGenerator.collectiveCycles(op, v, p, SystemShape.single()));
            }
        }
    }

    /** The closed forms of docs/system.md against what the units built. */
    @Test
    void networkDepthsFollowTheTopologyFormulas() {
        for (int t : new int[] {2, 3, 4, 5, 8, 16}) {
            for (int h : new int[] {0, 1, 7}) {
                int d = 31 - Integer.numberOfLeadingZeros(t);
                SystemShape ring = new SystemShape(t, Topology.RING, h, 64);
                SystemShape tree = new SystemShape(t, Topology.TREE, h, 64);
                StatsFormat f = StatsFormat.sums(List.of(20));
                assertEquals(t + 2 * (t - 1) * h, new StatsAllReduce(ring, f).latency());
                assertEquals(d + 1 + 2 * d * h, new StatsAllReduce(tree, f).latency());
                assertEquals(t + (t - 1) * h, new OutputReduce(ring, 2, 20).latency());
                assertEquals(d + 1 + d * h, new OutputReduce(tree, 2, 20).latency());
                // 50 bits on 16-bit links: 4 flits, a hop of H + 3
                StatsFormat wide = StatsFormat.sums(List.of(50));
                assertEquals(t + 2 * (t - 1) * (h + 3), new StatsAllReduce(new SystemShape(t, Topology.RING, h, 16), wide).latency());
            }
        }
    }

    @Test
    void theScheduleIsATilesScheduleWithTheNetworkDepths() {
        SystemShape ring = new SystemShape(4, Topology.RING, 3, 64);
        var s = SystemGenerator.schedule(Op.RMSNORM, Variant.STANDARD, new Params(64, 8, 4, 4, 0), ring);
        assertEquals(new Params(16, 8, 4, 4, 4 + 2 * 3 * 3), s.params());
        var tile = TopGenerator.depths(Op.RMSNORM, Variant.STANDARD, new Params(16, 8, 4, 4, 0));
        assertEquals(tile.output() + 4 + 3 * 3, s.depths().output());
        assertEquals(tile.reduction(), s.depths().reduction());
    }

    @Test
    void badShapesAreOneSentence() {
        SystemShape four = new SystemShape(4, Topology.RING, 1, 64);
        var e = assertThrows(IllegalArgumentException.class, () -> SystemGenerator.generate(Op.RMSNORM, Variant.DEFERRED, new Params(24, 8, 4, 4, 0), four));
        assertEquals("T·P must divide n: 4 tiles of P=4 lanes need n to be a multiple of 16, got n=24.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SystemGenerator.generate(Op.RMSNORM, Variant.DEFERRED, new Params(32, 8, 4, 4, 2), four));
        assertTrue(e.getMessage().startsWith("C must be 0 when T > 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SystemGenerator.generate(Op.LAYERNORM, Variant.DEFERRED, new Params(32, 8, 4, 4, 0),
                new SystemShape(4, Topology.RING, 1, 4)));
        assertTrue(e.getMessage().startsWith("the statistics link is too narrow"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SystemShape(4, Topology.RING, -1, 64));
        assertEquals("the hop latency H must be between 0 and 1000 cycles, got -1.", e.getMessage());
    }
}
