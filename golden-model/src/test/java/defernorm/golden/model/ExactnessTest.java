package defernorm.golden.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Requirement 1: full-precision standard and deferred agree bit for bit. */
class ExactnessTest {
    private static Params params(Random rnd) {
        int p = 1 + rnd.nextInt(8);
        int nb = 1 + rnd.nextInt(12);
        int q = 1 + rnd.nextInt(4);
        int g = 1 + rnd.nextInt(5);
        return new Params(p * nb, q * g, p, q, 0);
    }

    @Property(tries = 200)
    void layerNormAndRmsNormAreBitExact(@ForAll @IntRange(min = 0, max = 1) int which, @ForAll long seed) {
        Random rnd = new Random(seed);
        LayerConfig cfg = RandomConfigs.config(which == 0 ? Op.LAYERNORM : Op.RMSNORM, params(rnd), rnd);
        assertBitExact(cfg, 5, () -> RandomConfigs.token(cfg.params().n(), rnd));
    }

    @Property(tries = 200)
    void softmaxIsBitExactWhenTheMaxIsInTheFirstBeat(@ForAll long seed) {
        Random rnd = new Random(seed);
        LayerConfig cfg = RandomConfigs.config(Op.SOFTMAX, params(rnd), rnd);
        assertBitExact(cfg, 5, () -> RandomConfigs.maxFirst(cfg.params().n(), rnd));
    }

    @Property(tries = 300)
    void softmaxStaysWithinTheProvenBoundOtherwise(@ForAll long seed) {
        Random rnd = new Random(seed);
        LayerConfig cfg = RandomConfigs.config(Op.SOFTMAX, params(rnd), rnd);
        for (int t = 0; t < 5; t++) {
            byte[] s = RandomConfigs.token(cfg.params().n(), rnd);
            long[] std = standardFullLanes(cfg, s);
            long[] def = deferredLanes(cfg, s);
            long[] bound = SoftmaxBound.outputBound(cfg, s);
            for (int j = 0; j < std.length; j++) {
                assertTrue(Math.abs(std[j] - def[j]) <= bound[j],
                        "lane " + j + ": " + std[j] + " vs " + def[j] + ", bound " + bound[j]);
            }
        }
    }

    @Test
    void largeRealisticShapesAreBitExact() {
        Random rnd = new Random(7);
        for (Op op : new Op[] {Op.LAYERNORM, Op.RMSNORM}) {
            LayerConfig cfg = RandomConfigs.config(op, new Params(4096, 16, 64, 16, 0), rnd);
            assertBitExact(cfg, 3, () -> RandomConfigs.token(4096, rnd));
        }
    }

    private static long[] standardFullLanes(LayerConfig cfg, byte[] token) {
        return Datapaths.standardFullPrecision(cfg).process(token).lanes();
    }

    private static long[] deferredLanes(LayerConfig cfg, byte[] token) {
        return Datapaths.of(cfg, Variant.DEFERRED).process(token).lanes();
    }

    /** Full-precision standard and deferred give the same output lanes on each of {@code count} tokens. */
    private static void assertBitExact(LayerConfig cfg, int count, Supplier<byte[]> tokens) {
        for (int t = 0; t < count; t++) {
            byte[] token = tokens.get();
            assertArrayEquals(standardFullLanes(cfg, token), deferredLanes(cfg, token));
        }
    }
}
