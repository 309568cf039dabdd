package defernorm.golden.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.reference.Reference;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QuantizerTest {
    private static double[][] matrix(Random rnd, int n, int m) {
        double[][] f = new double[n][m];
        for (double[] row : f) {
            for (int j = 0; j < m; j++) {
                row[j] = rnd.nextGaussian() / Math.sqrt(n);
            }
        }
        return f;
    }

    private static double[] vec(Random rnd, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * rnd.nextGaussian();
        }
        return v;
    }

    @Property(tries = 50)
    void layerNormWeightsHaveExactlyZeroColumnSums(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int nb) {
        Random rnd = new Random(seed);
        int n = 3 * nb;
        NormLayer l = NormLayer.layerNorm(vec(rnd, n, 1, 0.3), vec(rnd, n, 0, 0.1), matrix(rnd, n, 5), vec(rnd, 5, 0, 0.1), 1e-5);
        // the LayerConfig constructor rejects any column that does not sum to 0
        QuantizedLayer ql = Quantizer.quantize(l, new Params(n, 5, 3, 5, 0), 0.05);
        for (int j = 0; j < 5; j++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += ql.config().w(i, j);
                assertTrue(Math.abs(ql.config().w(i, j)) <= 127);
            }
            assertEquals(0, sum);
        }
    }

    @Test
    void constantsFollowTheirFormulas() {
        Random rnd = new Random(2);
        int n = 64;
        NormLayer l = NormLayer.rmsNorm(vec(rnd, n, 1, 0.2), matrix(rnd, n, 8), new double[8], 1e-5);
        QuantizedLayer ql = Quantizer.quantize(l, new Params(n, 8, 8, 8, 0), 0.01);
        assertEquals(Math.round(64.0 * 64 * 1e-5 / 1e-4), ql.config().eps());
        QuantizedLayer att = Quantizer.quantizeAttention(matrix(rnd, n, 8), new Params(n, 8, 8, 8, 0), 0.05);
        assertEquals(Math.round(0.05 / Math.log(2) * 4096), att.config().scoreMul());
    }

    @Test
    void deferredRmsNormDequantizesCloseToTheReference() {
        Random rnd = new Random(3);
        int n = 128;
        int m = 16;
        double[] g = vec(rnd, n, 1, 0.2);
        double[][] w = matrix(rnd, n, m);
        double[] b = vec(rnd, m, 0, 0.1);
        double[] x = vec(rnd, n, 0, 1);
        QuantizedLayer ql = Quantizer.quantize(NormLayer.rmsNorm(g, w, b, 1e-5), new Params(n, m, 8, 4, 0), Quantizer.scaleFor(4.5));
        byte[] t = ql.quantizeInput(x);
        double[] y = ql.scales().dequantize(Variant.DEFERRED, Datapaths.of(ql.config(), Variant.DEFERRED).process(t).lanes());
        double[] ref = Reference.rmsNormLinear(ql.dequantizeInput(t), g, w, b, 1e-5);
        for (int j = 0; j < m; j++) {
            assertEquals(ref[j], y[j], 0.05, "lane " + j);
        }
    }

    @Test
    void badScalesAndShapesAreRejectedWithOneSentence() {
        Random rnd = new Random(4);
        NormLayer l = NormLayer.rmsNorm(vec(rnd, 8, 1, 0), matrix(rnd, 8, 2), new double[2], 1e-5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(l, new Params(8, 4, 1, 1, 0), 0.1))
                .getMessage().startsWith("params say n=8, m=4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(l, new Params(8, 2, 1, 1, 0), 1e-12))
                .getMessage().contains("reaches 2^40"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Quantizer.quantizeAttention(matrix(rnd, 8, 2), new Params(8, 2, 1, 1, 0), 100))
                .getMessage().contains("outside [1, 2^16)"));
    }

    @Property(tries = 100)
    void doublingTheInt8InputLeavesDeferredRmsNormNearlyUnchanged(@ForAll long seed) {
        // integer counterpart of RMSNorm's scale invariance: x and 2x (both int8) differ only through E
        Random rnd = new Random(seed);
        LayerConfig cfg = RandomConfigs.config(Op.RMSNORM, new Params(32, 4, 8, 2, 0), rnd);
        LayerConfig tinyEps = new LayerConfig(Op.RMSNORM, cfg.params(), cfg.weights(), new long[4], 1);
        byte[] x = new byte[32];
        byte[] x2 = new byte[32];
        for (int i = 0; i < 32; i++) {
            x[i] = (byte) (rnd.nextInt(120) - 60);
            x2[i] = (byte) (2 * x[i]);
        }
        long[] a = Datapaths.of(tinyEps, Variant.DEFERRED).process(x).lanes();
        long[] b = Datapaths.of(tinyEps, Variant.DEFERRED).process(x2).lanes();
        for (int j = 0; j < 4; j++) {
            assertEquals(a[j], b[j], Math.abs(a[j]) * 2e-4 + 2, "lane " + j);
        }
    }
}
