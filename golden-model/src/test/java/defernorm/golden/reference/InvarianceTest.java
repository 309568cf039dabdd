package defernorm.golden.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.golden.model.Datapaths;
import defernorm.golden.model.Folding;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Requirement 4: the invariances, as properties (real-valued and, where exact, integer). */
class InvarianceTest {
    private static double[] gaussian(Random rnd, int n, double scale, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + scale * rnd.nextGaussian();
        }
        return v;
    }

    private static double[][] matrix(Random rnd, int n, int m) {
        double[][] f = new double[n][];
        for (int i = 0; i < n; i++) {
            f[i] = gaussian(rnd, m, 1 / Math.sqrt(n), 0);
        }
        return f;
    }

    @Property(tries = 100)
    void addingAConstantToEveryScoreLeavesSoftmaxUnchanged(@ForAll long seed, @ForAll @DoubleRange(min = -50, max = 50) double c) {
        Random rnd = new Random(seed);
        double[] s = gaussian(rnd, 40, 3, 0);
        double[] shifted = s.clone();
        for (int i = 0; i < s.length; i++) {
            shifted[i] += c;
        }
        double[] a = Reference.softmax(s);
        double[] b = Reference.softmax(shifted);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12);
        }
    }

    @Property(tries = 100)
    void addingAnIntegerMaxStepToEveryScoreLeavesIntegerSoftmaxUnchanged(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int k) {
        // In the integer model a shift of the log-domain scores by a whole number of octaves
        // (u -> u + k*2^12) changes only the integer max, never p, den or the output.
        Random rnd = new Random(seed);
        Params prm = new Params(16, 4, 4, 2, 0);
        byte[][] v = new byte[16][4];
        byte[] s = new byte[16];
        byte[] s2 = new byte[16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 4; j++) {
                v[i][j] = (byte) (rnd.nextInt(255) - 127);
            }
            s[i] = (byte) (rnd.nextInt(80) - 60);
            s2[i] = (byte) (s[i] + k);
        }
        // L = 4096: one score unit is exactly one octave
        LayerConfig cfg = new LayerConfig(Op.SOFTMAX, prm, v, new long[4], 4096);
        for (Variant var : new Variant[] {Variant.STANDARD, Variant.DEFERRED}) {
            assertArrayEquals(Datapaths.of(cfg, var).process(s).lanes(), Datapaths.of(cfg, var).process(s2).lanes());
        }
    }

    @Property(tries = 100)
    void centeredWeightColumnsSumToZero(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int n) {
        Random rnd = new Random(seed);
        double[][] ft = Folding.centeredWeights(gaussian(rnd, n, 0.3, 1), matrix(rnd, n, 6));
        for (int j = 0; j < 6; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += ft[i][j];
            }
            assertEquals(0, sum, 1e-12);
        }
    }

    @Property(tries = 100)
    void scalingXLeavesRmsNormUnchangedUpToEps(@ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 100) double a) {
        Random rnd = new Random(seed);
        double[] x = gaussian(rnd, 64, 2, 0);
        double[] ax = x.clone();
        for (int i = 0; i < x.length; i++) {
            ax[i] *= a;
        }
        double[] g = gaussian(rnd, 64, 0.2, 1);
        // exact with eps = 0; with eps the change is bounded by eps / mean(x^2) relative
        double[] y0 = Reference.rmsNorm(x, g, 0);
        double[] y1 = Reference.rmsNorm(ax, g, 0);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y0[i], y1[i], 1e-12 * Math.max(1, Math.abs(y0[i])));
        }
        double eps = 1e-5;
        double ms = 0;
        for (double v : x) {
            ms += v * v;
        }
        ms /= x.length;
        double bound = eps / Math.min(ms, a * a * ms);
        double[] ye = Reference.rmsNorm(x, g, eps);
        double[] yae = Reference.rmsNorm(ax, g, eps);
        for (int i = 0; i < x.length; i++) {
            assertEquals(ye[i], yae[i], bound * Math.abs(ye[i]) + 1e-12);
        }
    }

    @Property(tries = 50)
    void weightFoldingChangesNothing(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = 48;
        int m = 5;
        double[] x = gaussian(rnd, n, 2, 0.5);
        double[] g = gaussian(rnd, n, 0.2, 1);
        double[] beta = gaussian(rnd, n, 0.1, 0);
        double[][] f = matrix(rnd, n, m);
        double[] b = gaussian(rnd, m, 0.1, 0);
        // RMSNorm: (x/rms (.) g) W + b == (x/rms) (diag(g) W) + b
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double[] std = Reference.rmsNormLinear(x, g, f, b, 1e-5);
        double[] folded = Reference.linear(Reference.rmsNorm(x, ones, 1e-5), Folding.scaledWeights(g, f), b);
        assertArrayClose(std, folded);
        // LayerNorm: (r(x-mu) (.) gamma + beta) F + b == r x F~ + c*,  c* = b + beta F
        double[] lnStd = Reference.layerNormLinear(x, g, beta, f, b, 1e-5);
        double mu = Reference.sum(x) / n;
        double var = 0;
        for (double v : x) {
            var += (v - mu) * (v - mu);
        }
        double r = 1 / Math.sqrt(var / n + 1e-5);
        double[] xf = Reference.linear(x, Folding.centeredWeights(g, f), new double[m]);
        double[] cStar = Folding.foldedBias(beta, f, b);
        double[] lnDef = new double[m];
        for (int j = 0; j < m; j++) {
            lnDef[j] = r * xf[j] + cStar[j];
        }
        assertArrayClose(lnStd, lnDef);
    }

    private static void assertArrayClose(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])));
        }
    }
}
