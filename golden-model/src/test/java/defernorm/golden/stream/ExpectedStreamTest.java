package defernorm.golden.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedStreamTest {
    @Test
    void packingRoundTripsWithLaneZeroLow() {
        assertEquals(BigInteger.valueOf(0x02FF), Packing.pack(new long[] {-1, 2}, 8));
        assertArrayEquals(new long[] {-1, 2, Integer.MIN_VALUE}, Packing.unpack(Packing.pack(new long[] {-1, 2, Integer.MIN_VALUE}, 32), 3, 32));
    }

    @Test
    void streamHasEveryBeatInCycleOrderWithTlast() {
        Params prm = new Params(4, 4, 2, 2, 0);
        byte[][] w = {{1, 2, 3, 4}, {5, 6, 7, 8}, {-1, -2, -3, -4}, {0, 1, 0, 1}};
        LayerConfig cfg = new LayerConfig(Op.RMSNORM, prm, w, new long[4], 1);
        List<byte[]> tokens = List.of(new byte[] {1, 2, 3, 4}, new byte[] {-5, 6, -7, 8}, new byte[] {0, 0, 0, 0});
        for (Variant v : Variant.values()) {
            ExpectedStream es = ExpectedStream.of(cfg, new Schedule(Op.RMSNORM, v, prm, depths(v)), tokens, Arrivals.lineRate());
            assertEquals(6, es.inputs().size());
            assertEquals(6, es.outputs().size());
            assertEquals(0, es.inputs().get(0).cycle());
            for (int i = 1; i < 6; i++) {
                assertTrue(es.outputs().get(i).cycle() > es.outputs().get(i - 1).cycle());
                assertTrue(es.inputs().get(i).cycle() > es.inputs().get(i - 1).cycle());
            }
            assertTrue(es.outputs().get(1).last() && !es.outputs().get(0).last());
            long[] lanes = Datapaths.of(cfg, v).process(tokens.get(1)).lanes();
            assertArrayEquals(new long[] {lanes[2], lanes[3]}, es.outputs().get(3).lanes());
            ExpectedStream gaps = ExpectedStream.of(cfg, new Schedule(Op.RMSNORM, v, prm, depths(v)), tokens, Arrivals.randomGaps(3, 0.4));
            for (int i = 0; i < 6; i++) assertTrue(gaps.inputs().get(i).cycle() >= es.inputs().get(i).cycle(), "gaps only delay");
            assertEquals(es.outputs().get(5).lanes()[0], gaps.outputs().get(5).lanes()[0]);
        }
    }

    /** Test depths (the real ones are the hardware's, which this module cannot see). */
    private static PipelineDepths depths(Variant v) {
        return switch (v) {
            case MATMUL -> new PipelineDepths(0, 0, 0, 1, 3, 2, 0);
            case DEFERRED -> new PipelineDepths(0, 3, 5, 1, 3, 4, 4);
            case STANDARD -> new PipelineDepths(0, 3, 5, 4, 3, 2, 0);
        };
    }
}
