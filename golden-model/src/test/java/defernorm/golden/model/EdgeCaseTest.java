package defernorm.golden.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Requirement 5, at the integer level (the accuracy side is in AccuracyTest). */
class EdgeCaseTest {
    private final Random rnd = new Random(11);

    @Test
    void zeroVarianceLayerNormOutputsExactlyTheFoldedBias() {
        LayerConfig cfg = RandomConfigs.config(Op.LAYERNORM, new Params(60, 6, 6, 3, 0), rnd);
        for (int c = -128; c <= 127; c += 51) {
            byte[] x = new byte[60];
            Arrays.fill(x, (byte) c);
            for (Variant v : new Variant[] {Variant.STANDARD, Variant.DEFERRED}) {
                TokenResult r = Datapaths.of(cfg, v).process(x);
                assertArrayEquals(cfg.bias(), r.lanes(), v + " at x=" + c);
                assertEquals(cfg.eps(), r.statistics()[2]);
            }
        }
    }

    @Test
    void allZeroRmsNormInputIsDefinedThanksToEpsilon() {
        LayerConfig cfg = RandomConfigs.config(Op.RMSNORM, new Params(12, 4, 4, 2, 0), rnd);
        TokenResult r = Datapaths.of(cfg, Variant.DEFERRED).process(new byte[12]);
        assertArrayEquals(cfg.bias(), r.lanes());
    }

    @Test
    void softmaxWithAllScoresEqualIsTheColumnMean() {
        int n = 48;
        LayerConfig cfg = RandomConfigs.config(Op.SOFTMAX, new Params(n, 4, 8, 4, 0), rnd);
        byte[] s = new byte[n];
        Arrays.fill(s, (byte) 17);
        long[] out = Datapaths.of(cfg, Variant.DEFERRED).process(s).lanes();
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += cfg.w(i, j);
            }
            mean /= n;
            double y = (out[j] - cfg.bias()[j]) / 65536.0;
            assertEquals(mean, y, Math.abs(mean) * 2e-4 + 1e-4, "lane " + j);
        }
    }

    @Test
    void softmaxScoresSpreadOverTheWholeInt8RangePickTheMax() {
        int n = 256;
        LayerConfig cfg = RandomConfigs.config(Op.SOFTMAX, new Params(n, 4, 16, 4, 0), rnd);
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) (i - 128);
        }
        // L = 4096*... large: one score step is several octaves, so only the max survives
        LayerConfig sharp = new LayerConfig(Op.SOFTMAX, cfg.params(), cfg.weights(), new long[4], 40000);
        long[] out = Datapaths.of(sharp, Variant.DEFERRED).process(s).lanes();
        for (int j = 0; j < 4; j++) {
            // only the factor rounding (relative < 2^-14) separates the lane from V[n-1][j] exactly
            assertEquals(cfg.w(n - 1, j) * 65536L, out[j], Math.abs(cfg.w(n - 1, j)) * 4.0 + 2, "lane " + j);
        }
    }

    @Test
    void oneHugeOutlierKeepsDeferredBitExactAndBounded() {
        for (Op op : new Op[] {Op.LAYERNORM, Op.RMSNORM}) {
            LayerConfig cfg = RandomConfigs.config(op, new Params(120, 8, 8, 4, 0), rnd);
            byte[] x = new byte[120];
            for (int i = 0; i < x.length; i++) {
                x[i] = (byte) (rnd.nextInt(5) - 2);
            }
            x[37] = 127;
            long[] def = Datapaths.of(cfg, Variant.DEFERRED).process(x).lanes();
            assertArrayEquals(Datapaths.standardFullPrecision(cfg).process(x).lanes(), def);
            // the outlier saturates nothing in deferred: |out| is far below int32
            for (long v : def) {
                assertTrue(Math.abs(v) < Integer.MAX_VALUE / 2);
            }
        }
    }

    @Test
    void nonPowerOfTwoShapesWork() {
        for (Op op : Op.values()) {
            LayerConfig cfg = RandomConfigs.config(op, new Params(105, 9, 7, 3, 2), rnd);
            byte[] x = RandomConfigs.maxFirst(105, rnd);
            assertArrayEquals(Datapaths.standardFullPrecision(cfg).process(x).lanes(),
                    Datapaths.of(cfg, Variant.DEFERRED).process(x).lanes());
        }
    }
}
