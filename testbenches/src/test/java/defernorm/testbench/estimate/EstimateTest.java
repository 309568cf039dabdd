package defernorm.testbench.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.estimate.BlockEstimate;
import defernorm.golden.estimate.BlockEstimator;
import defernorm.golden.estimate.EstimateTable;
import defernorm.golden.estimate.ModelShape;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Schedule;
import org.junit.jupiter.api.Test;

/**
 * The Llama block estimate (golden-model's {@code estimate} package) on the hardware's depths: here,
 * because only this module sees both the golden model and {@link TopGenerator#depths}.
 */
class EstimateTest {
    @Test
    void deferredIsNeverSlowerAndPlainMatmulsDoNotDependOnTheVariant() {
        for (ModelShape s : new ModelShape[] {ModelShape.LLAMA2_7B, ModelShape.LLAMA3_8B}) {
            for (int c : new int[] {0, 200}) {
                BlockEstimator est = new BlockEstimator(TopGenerator::depths, 64, 64, c, 1);
                for (int rows : new int[] {1, 256}) {
                    BlockEstimate std = est.block(s, Variant.STANDARD, rows, 1024);
                    BlockEstimate def = est.block(s, Variant.DEFERRED, rows, 1024);
                    assertEquals(std.plain(), def.plain(), "plain matmuls do not depend on the variant");
                    assertTrue(def.fused() <= std.fused(), s.name() + " C=" + c + " rows=" + rows);
                }
            }
        }
    }

    /**
     * With double buffering, a long collective across tiles costs the standard variant latency, not
     * throughput, wherever its factor chain fits behind the previous token's matmul: deferring then saves
     * about a quarter of a decode block (one row: pure latency) but almost nothing in prefill.
     */
    @Test
    void aLongCollectiveAcrossTilesPaysInDecodeButNotInPrefill() {
        BlockEstimator tiles = new BlockEstimator(TopGenerator::depths, 64, 64, 1000, 8);
        ModelShape llama = ModelShape.LLAMA2_7B;
        double decode = EstimateTable.saved(tiles.block(llama, Variant.STANDARD, 1, 512), tiles.block(llama, Variant.DEFERRED, 1, 512));
        double prefill = EstimateTable.saved(tiles.block(llama, Variant.STANDARD, 512, 512), tiles.block(llama, Variant.DEFERRED, 512, 512));
        assertTrue(decode > 0.2, "decode saved " + decode);
        assertTrue(prefill < 0.05, "prefill saved " + prefill);
        // why: the per-tile RMSNorm -> QKV (n = 4096/8, m = 12288) reaches the matmul's rate in the standard variant
        Schedule std = TopGenerator.schedule(Op.RMSNORM, Variant.STANDARD, new Params(512, 12288, 64, 64, 1000));
        Schedule mm = TopGenerator.schedule(Op.RMSNORM, Variant.MATMUL, new Params(512, 12288, 64, 64, 1000));
        assertEquals(mm.cyclesPerToken(), std.cyclesPerToken(), 1e-9);
        assertTrue(std.tokenLatency() - mm.tokenLatency() > 1000, "but each row still waits for the collective");
    }

    @Test
    void whereTheFactorChainDoesNotFitDeferringAlsoPaysInPrefill() {
        // one 64 x 64 tile, C = 1000 for every reduction: attention rows (NB·G = 16 at seq 512) are far too short
        BlockEstimator one = new BlockEstimator(TopGenerator::depths, 64, 64, 1000, 1);
        ModelShape llama = ModelShape.LLAMA2_7B;
        double prefill = EstimateTable.saved(one.block(llama, Variant.STANDARD, 512, 512), one.block(llama, Variant.DEFERRED, 512, 512));
        assertTrue(prefill > 0.1, "prefill saved " + prefill);
    }

    @Test
    void shapesAreTheLlamaOnes() {
        assertEquals(12288, ModelShape.LLAMA2_7B.qkvWidth());
        assertEquals(6144, ModelShape.LLAMA3_8B.qkvWidth());
        String t = EstimateTable.table(TopGenerator::depths, 64, 64, 1, new int[] {0}, new int[] {512});
        assertTrue(t.contains("| Llama-3-8B | decode | 512 | 0 |"), t);
    }
}
