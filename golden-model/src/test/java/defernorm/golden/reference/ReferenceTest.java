package defernorm.golden.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Requirement 3: the float64 reference agrees with the textbook formulas to ~1e-12. */
class ReferenceTest {
    private static double[] gaussian(Random rnd, int n, double scale, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + scale * rnd.nextGaussian();
        }
        return v;
    }

    private static void assertClose(double[] a, double[] b, double tol) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], tol * Math.max(1, Math.abs(b[i])), "element " + i);
        }
    }

    @Property(tries = 100)
    void layerNormMatchesTextbook(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random rnd = new Random(seed);
        double[] x = gaussian(rnd, n, 3, rnd.nextGaussian() * 5);
        double[] g = gaussian(rnd, n, 0.2, 1);
        double[] b = gaussian(rnd, n, 0.1, 0);
        assertClose(Reference.layerNorm(x, g, b, 1e-5), Textbook.layerNorm(x, g, b, 1e-5), 1e-12);
    }

    @Property(tries = 100)
    void rmsNormMatchesTextbook(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random rnd = new Random(seed);
        double[] x = gaussian(rnd, n, 3, 0);
        double[] g = gaussian(rnd, n, 0.2, 1);
        assertClose(Reference.rmsNorm(x, g, 1e-5), Textbook.rmsNorm(x, g, 1e-5), 1e-12);
    }

    @Property(tries = 100)
    void softmaxTimesVMatchesTextbook(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random rnd = new Random(seed);
        double[] s = gaussian(rnd, n, 4, 0);
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = gaussian(rnd, 5, 1, 0);
        }
        assertClose(Reference.softmax(s), Textbook.softmax(s), 1e-12);
        assertClose(Reference.softmaxTimes(s, v), Textbook.times(Textbook.softmax(s), v, null), 1e-12);
    }

    @Property(tries = 50)
    void linearLayersMatchTextbook(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = 64;
        double[] x = gaussian(rnd, n, 2, 1);
        double[] g = gaussian(rnd, n, 0.2, 1);
        double[] beta = gaussian(rnd, n, 0.1, 0);
        double[][] f = new double[n][];
        for (int i = 0; i < n; i++) {
            f[i] = gaussian(rnd, 7, 0.1, 0);
        }
        double[] b = gaussian(rnd, 7, 0.1, 0);
        assertClose(Reference.layerNormLinear(x, g, beta, f, b, 1e-5),
                Textbook.times(Textbook.layerNorm(x, g, beta, 1e-5), f, b), 1e-12);
        assertClose(Reference.rmsNormLinear(x, g, f, b, 1e-5),
                Textbook.times(Textbook.rmsNorm(x, g, 1e-5), f, b), 1e-12);
    }
}
