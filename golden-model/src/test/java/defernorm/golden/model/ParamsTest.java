package defernorm.golden.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParamsTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void derivedCounts() {
        Params p = new Params(96, 30, 8, 3, 5);
        assertEquals(12, p.beats());
        assertEquals(10, p.groups());
    }

    @Test
    void badParametersGetOneSentenceNamingTheRule() {
        assertTrue(message(() -> new Params(100, 8, 8, 4, 0)).startsWith("P must divide n"));
        assertTrue(message(() -> new Params(96, 10, 8, 4, 0)).startsWith("Q must divide m"));
        assertTrue(message(() -> new Params(96, 8, 8, 4, -1)).startsWith("C (collective latency) must be at least 0"));
        assertTrue(message(() -> new Params(0, 8, 1, 4, 0)).startsWith("n must be between"));
        assertTrue(message(() -> new Params(96, 8, 0, 4, 0)).startsWith("P (input lanes)"));
    }

    @Test
    void nNeedNotBeAPowerOfTwo() {
        Params p = new Params(3 * 5 * 7, 6, 5, 3, 0);
        assertEquals(21, p.beats());
    }

    @Test
    void configRejectsBadWords() {
        Params p = new Params(2, 1, 1, 1, 0);
        assertTrue(message(() -> new LayerConfig(Op.LAYERNORM, p, new byte[][] {{1}, {2}}, new long[1], 1))
                .startsWith("LayerNorm weight column 0 must sum to 0"));
        assertTrue(message(() -> new LayerConfig(Op.RMSNORM, p, new byte[][] {{1}, {2}}, new long[1], 0))
                .startsWith("epsilon word E"));
        assertTrue(message(() -> new LayerConfig(Op.SOFTMAX, p, new byte[][] {{1}, {2}}, new long[1], 1 << 16))
                .startsWith("softmax score multiplier L"));
        assertTrue(message(() -> new LayerConfig(Op.RMSNORM, p, new byte[][] {{1}, {2}}, new long[] {1L << 40}, 1))
                .contains("does not fit int32"));
        assertTrue(message(() -> Datapaths.of(new LayerConfig(Op.RMSNORM, p, new byte[][] {{1}, {2}}, new long[1], 1),
                Variant.DEFERRED).process(new byte[3])).startsWith("a token must have n=2"));
    }
}
