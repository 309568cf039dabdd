package defernorm.golden.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SystemGoldenTest {
    @Test
    void reduceOrderFollowsTheTopology() {
        assertArrayEquals(new int[] {3}, Topology.RING.reduceChildren(0, 4));
        assertArrayEquals(new int[] {1}, Topology.RING.reduceChildren(2, 4));
        assertArrayEquals(new int[0], Topology.RING.reduceChildren(1, 4));
        assertArrayEquals(new int[] {1, 2}, Topology.TREE.reduceChildren(0, 5));
        assertArrayEquals(new int[] {3, 4}, Topology.TREE.reduceChildren(1, 5));
        assertEquals(3, Topology.RING.broadcastDepth(3, 4));
        assertEquals(2, Topology.TREE.broadcastDepth(3, 4));
        // the merge order as a string: ring (((1·2)·3)) into 0 last; tree: each subtree into its root
        List<String> own = List.of("0", "1", "2", "3", "4");
        assertEquals("(0+(4+(3+(2+1))))", TopologyOrder.reduce(Topology.RING, own, (a, b) -> "(" + a + "+" + b + ")"));
        assertEquals("((0+((1+3)+4))+2)", TopologyOrder.reduce(Topology.TREE, own, (a, b) -> "(" + a + "+" + b + ")"));
    }

    @Test
    void theOnlineMergeRescalesWithTheSingleTopsRounding() {
        assertEquals(new SoftmaxStats(5, 150), new SoftmaxStats(3, 200).merge(new SoftmaxStats(5, 100)));
        assertEquals(new SoftmaxStats(5, 150), new SoftmaxStats(5, 100).merge(new SoftmaxStats(3, 200)));   // symmetric
        assertEquals(new SoftmaxStats(4, 2 + 7), new SoftmaxStats(2, 6).merge(new SoftmaxStats(4, 7)));       // 6/4 = 1.5 rounds up to 2
        assertEquals(new SoftmaxStats(70, 9), new SoftmaxStats(0, 1000).merge(new SoftmaxStats(70, 9)));     // shifts clamp: 0
    }

    @Test
    void theMergeIsNotAssociativeSoTheOrderIsPartOfTheModel() {
        SoftmaxStats a = new SoftmaxStats(0, 1), b = new SoftmaxStats(0, 1), c = new SoftmaxStats(1, 0);
        assertNotEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
    }

    @Test
    void normAndMatmulSystemsAreTheSingleTopWithTPLanes() {
        LayerConfig cfg = rmsConfig(new Params(32, 8, 8, 4, 0), 3);
        SystemShape four = new SystemShape(4, Topology.TREE, 3, 64);
        for (Variant v : Variant.values()) {
            assertEquals(Datapaths.of(cfg, v).getClass(), SystemDatapaths.of(cfg, v, four).getClass());
        }
    }

    @Test
    void softmaxOnOneTileIsTheSingleDatapathAndSplitsOnlyChangeRoundings() {
        Params p = new Params(64, 8, 8, 4, 0);
        LayerConfig cfg = softmaxConfig(p, 5);
        Random r = new Random(9);
        for (int i = 0; i < 50; i++) {
            byte[] s = new byte[p.n()];
            r.nextBytes(s);
            for (Variant v : List.of(Variant.STANDARD, Variant.DEFERRED)) {
                var single = Datapaths.of(cfg, v).process(s);
                assertArrayEquals(single.lanes(), SystemDatapaths.of(cfg, v, SystemShape.single()).process(s).lanes());
                for (SystemShape shape : List.of(new SystemShape(4, Topology.RING, 1, 64), new SystemShape(8, Topology.TREE, 1, 64))) {
                    var split = SystemDatapaths.of(cfg, v, shape).process(s);
                    // the global max is exact; the denominator differs only by roundings (the output lanes differ by more:
                    // each tile quantizes its 8-bit exp values against its own max, a different rounding path than the
                    // single top's running max; the RTL cosim checks them bit for bit against this model)
                    assertEquals(single.statistics()[0], split.statistics()[0]);
                    assertEquals(single.statistics()[1], split.statistics()[1], 2.0 * shape.tiles(), v + " " + shape + " token " + i);
                }
            }
        }
    }

    @Test
    void aLayerWithoutWholeTilesIsRefused() {
        LayerConfig cfg = rmsConfig(new Params(24, 8, 6, 4, 0), 1);
        var e = assertThrows(IllegalArgumentException.class, () -> SystemDatapaths.of(cfg, Variant.DEFERRED, new SystemShape(4, Topology.RING, 1, 64)));
        assertEquals("the layer's 6 lanes are not T=4 tiles' worth.", e.getMessage());
    }

    private static LayerConfig rmsConfig(Params p, long seed) {
        return new LayerConfig(Op.RMSNORM, p, weights(p, seed), new long[p.m()], 1);
    }

    private static LayerConfig softmaxConfig(Params p, long seed) {
        return new LayerConfig(Op.SOFTMAX, p, weights(p, seed), new long[p.m()], 1000);
    }

    private static byte[][] weights(Params p, long seed) {
        Random r = new Random(seed);
        byte[][] w = new byte[p.n()][p.m()];
        for (byte[] row : w) r.nextBytes(row);
        return w;
    }
}
