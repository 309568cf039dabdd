package defernorm.testbench.stimulus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StimulusTest {

    @Property(tries = 50)
    void theSourceDeliversEveryBeatOnceInOrderAndHoldsItWhileNotAccepted(@ForAll @IntRange(min = 1, max = 4) int lanes,
                                                                         @ForAll @IntRange(min = 1, max = 4) int beats,
                                                                         @ForAll @IntRange(min = 1, max = 9) int tokens,
                                                                         @ForAll long seed) {
        List<byte[]> in = RandomTokens.generate(lanes * beats, tokens, seed);
        TokenSource src = new TokenSource(in, lanes, Flow.random(0.5, 1), seed);
        SplittableRandom ready = new SplittableRandom(seed + 1);
        List<Long> accepted = new ArrayList<>();
        long[] offered = null;
        for (int cycle = 0; cycle < 10_000 && !src.done(); cycle++) {
            boolean r = ready.nextBoolean();
            if (offered != null) {
                assertTrue(src.valid(), "a beat offered and not accepted must stay valid");
                assertArrayEquals(offered, src.lanesOfBeat());
            }
            boolean valid = src.valid();
            long[] lanesNow = src.lanesOfBeat();
            boolean last = src.last();
            if (src.advance(r)) {
                for (long v : lanesNow) accepted.add(v);
                assertEquals(accepted.size() % (lanes * beats) == 0, last);
                offered = null;
            } else {
                offered = valid ? lanesNow : null;
            }
        }
        assertTrue(src.done());
        List<Long> all = new ArrayList<>();
        for (byte[] t : in) for (byte b : t) all.add((long) b);
        assertEquals(all, accepted);
    }

    @Test
    void aFreeFlowOffersABeatEveryCycle() {
        TokenSource src = new TokenSource(RandomTokens.generate(4, 3, 1L), 2, Flow.FREE, 1L);
        for (int i = 0; i < 6; i++) {
            assertTrue(src.valid());
            assertTrue(src.advance(true));
        }
        assertFalse(src.valid());
        assertTrue(Flow.FREE.sinkReady(3L).next());
    }

    @Test
    void edgeCasesHaveTheTokenLengthAndTheNamedShapes() {
        for (int n : new int[] {1, 7, 64}) {
            for (EdgeCases.Named t : EdgeCases.all(n)) assertEquals(n, t.values().length, t.name());
        }
        List<EdgeCases.Named> cases = EdgeCases.all(16);
        byte[] spread = cases.stream().filter(c -> c.name().contains("whole int8 range")).findFirst().orElseThrow().values();
        assertEquals(-128, spread[0]);
        assertEquals(127, spread[15]);
        byte[] outlier = cases.stream().filter(c -> c.name().startsWith("one outlier 127 among 1s")).findFirst().orElseThrow().values();
        assertEquals(1, Arrays.stream(toInts(outlier)).filter(v -> v == 127).count());
        assertEquals(EdgeCases.all(16).size() + 5, EdgeCases.mixedWithRandom(16, 5, 2L).size());
    }

    @Test
    void flowProbabilitiesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Flow.random(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Flow.random(1, 1.5));
        assertTrue(Flow.FREE.isFree());
        assertFalse(Flow.random(1, 0.9).isFree());
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) v[i] = b[i];
        return v;
    }
}
