package defernorm.golden.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.fixed.Saturate;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The proven widths hold on the extreme inputs that reach them. */
class WidthsTest {
    private static final int N = 4096;

    private static LayerConfig filled(Op op, int n, int m, byte w, long constant) {
        byte[][] ws = new byte[n][m];
        for (byte[] row : ws) {
            Arrays.fill(row, w);
        }
        if (op == Op.LAYERNORM) {
            for (int i = n / 2; i < n; i++) {
                Arrays.fill(ws[i], (byte) -w);
            }
        }
        return new LayerConfig(op, new Params(n, m, 64, m, 0), ws, new long[m], constant);
    }

    @Test
    void accumulatorBoundIsReachedAndFits() {
        byte[] x = new byte[N];
        Arrays.fill(x, (byte) -128);
        LayerConfig cfg = filled(Op.RMSNORM, N, 4, (byte) -128, 1);
        TokenResult r = Datapaths.of(cfg, Variant.DEFERRED).process(x);
        assertEquals(128L * 128 * N, r.accumulators()[0]);
        assertTrue(Saturate.fitsSigned(r.accumulators()[0], Widths.accumulatorBits(N)));
        assertEquals(28, Widths.accumulatorBits(N));
    }

    @Test
    void statisticsFitTheirWidthsAtTheExtremes() {
        byte[] lo = new byte[N];
        Arrays.fill(lo, (byte) -128);
        NormStatistics st = NormStatistics.of(Op.RMSNORM, lo, Formats.MAX_EPS - 1);
        assertTrue(Saturate.fitsSigned(st.s1(), Widths.sumBits(N)));
        assertTrue(st.s2() < 1L << Widths.sumSquaresBits(N));
        assertTrue(st.v() < 1L << Widths.varianceBits(N, Formats.MAX_EPS - 1));
        // LayerNorm maximum variance: half -128, half 127
        byte[] split = new byte[N];
        for (int i = 0; i < N; i++) {
            split[i] = (byte) (i % 2 == 0 ? -128 : 127);
        }
        NormStatistics ln = NormStatistics.of(Op.LAYERNORM, split, 1);
        assertEquals((long) N * N * 255 * 255 / 4 + 1, ln.v());
        assertTrue(ln.v() < 1L << Widths.varianceBits(N, 1));
    }

    @Test
    void finalProductAndOutputsStayInRangeAtTheExtremes() {
        byte[] x = new byte[N];
        Arrays.fill(x, (byte) 127);
        x[0] = -128;
        for (Op op : Op.values()) {
            LayerConfig cfg = filled(op, N, 4, (byte) 127, 1);
            for (Variant v : Variant.values()) {
                TokenResult r = Datapaths.of(cfg, v).process(x);
                for (long lane : r.lanes()) {
                    assertTrue(Saturate.fitsSigned(lane, Formats.OUT_BITS));
                }
                int accBits = op == Op.SOFTMAX ? Widths.softmaxAccumulatorBits(N) : Widths.accumulatorBits(N);
                for (long acc : r.accumulators()) {
                    assertTrue(v == Variant.STANDARD || Saturate.fitsSigned(acc, accBits), op + " " + v);
                }
                if (v == Variant.DEFERRED && op != Op.SOFTMAX) {
                    long rn = N * r.factor().r();
                    assertTrue(rn < 1L << Widths.scaledFactorBits(N));
                    assertTrue(Saturate.fitsSigned(r.accumulators()[0] * rn, Widths.finalProductBits(op, N)));
                }
                if (v == Variant.DEFERRED && op == Op.SOFTMAX) {
                    assertTrue(Saturate.fitsSigned(r.accumulators()[0] * r.factor().r(), Widths.finalProductBits(op, N)));
                }
            }
        }
    }

    @Test
    void softmaxAccumulatorBoundIsReachedAndFits() {
        // every score 1 with L = 4095: u = 4095 just below the next integer, so p = T[255] = 255 everywhere
        byte[] s = new byte[N];
        Arrays.fill(s, (byte) 1);
        LayerConfig cfg = filled(Op.SOFTMAX, N, 4, (byte) -128, 4095);
        TokenResult r = Datapaths.of(cfg, Variant.DEFERRED).process(s);
        assertEquals(-255L * 128 * N, r.accumulators()[0]);
        assertEquals(255L * N, r.statistics()[1]);
        assertTrue(Saturate.fitsSigned(r.accumulators()[0], Widths.softmaxAccumulatorBits(N)));
        assertEquals(28, Widths.softmaxAccumulatorBits(N));
    }

    @Test
    void softmaxDenominatorStaysIn128To255n() {
        Random rnd = new Random(1);
        for (int t = 0; t < 200; t++) {
            byte[] s = new byte[256];
            for (int i = 0; i < s.length; i++) {
                s[i] = (byte) (t % 3 == 0 ? 127 : rnd.nextInt(256) - 128);
            }
            long den = OnlineSoftmax.run(s, 1 + rnd.nextInt(60000), 8).den();
            assertTrue(den >= 128 && den <= 255L * 256, "den " + den);
            assertTrue(den < 1L << Widths.denominatorBits(256));
        }
        byte[] same = new byte[256];
        assertEquals(128L * 256, OnlineSoftmax.run(same, 100, 16).den());
    }
}
