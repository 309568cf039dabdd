package defernorm.golden.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
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
            ExpectedStream es = ExpectedStream.of(cfg, v, tokens);
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
        }
    }
}
