package defernorm.golden.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Variant;
import org.junit.jupiter.api.Test;

class EstimateTest {
    @Test
    void deferredSavesTimeInEveryBlockAndPhase() {
        for (ModelShape s : new ModelShape[] {ModelShape.LLAMA2_7B, ModelShape.LLAMA3_8B}) {
            for (int c : new int[] {0, 200}) {
                BlockEstimator est = new BlockEstimator(64, 64, c);
                for (int rows : new int[] {1, 256}) {
                    BlockEstimate std = est.block(s, Variant.STANDARD, rows, 1024);
                    BlockEstimate def = est.block(s, Variant.DEFERRED, rows, 1024);
                    assertEquals(std.plain(), def.plain(), "plain matmuls do not depend on the variant");
                    assertTrue(def.fused() < std.fused());
                }
            }
        }
    }

    @Test
    void aLongCollectiveAcrossTilesIsWhereDeferringPaysMost() {
        BlockEstimator tiles = new BlockEstimator(64, 64, 1000, 8);
        BlockEstimate std = tiles.block(ModelShape.LLAMA2_7B, Variant.STANDARD, 512, 512);
        BlockEstimate def = tiles.block(ModelShape.LLAMA2_7B, Variant.DEFERRED, 512, 512);
        double saved = 1.0 - (double) def.total() / std.total();
        assertTrue(saved > 0.15, "saved " + saved);
    }

    @Test
    void shapesAreTheLlamaOnes() {
        assertEquals(12288, ModelShape.LLAMA2_7B.qkvWidth());
        assertEquals(6144, ModelShape.LLAMA3_8B.qkvWidth());
        String t = EstimateMain.table(64, 64, new int[] {0}, new int[] {512});
        assertTrue(t.contains("| Llama-3-8B | decode | 512 | 0 |"));
    }
}
