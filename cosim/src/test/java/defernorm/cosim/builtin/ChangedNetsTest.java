package defernorm.cosim.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ChangedNets} lists exactly the nets with a changed word, ascending, against a per-net scan. */
class ChangedNetsTest {
    @Test
    void findsExactlyTheChangedNets() {
        Random rnd = new Random(5);
        int words = 50;
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int len = 1 + rnd.nextInt(4);
            ranges.add(new int[] {rnd.nextInt(words - len + 1), len});   // overlapping, like renamed nets
        }
        ranges.add(new int[] {0, 1});
        ranges.add(new int[] {words - 1, 1});
        ChangedNets changes = new ChangedNets(ranges, words);
        int[] count = new int[1];
        for (int round = 0; round < 200; round++) {
            long[] before = new long[words], now = new long[words];
            for (int w = 0; w < words; w++) before[w] = now[w] = rnd.nextLong();
            for (int k = rnd.nextInt(6); k > 0; k--) now[rnd.nextInt(words)] ^= 1L << rnd.nextInt(64);
            if (round % 10 == 0) { now[0]++; now[words - 1]++; }
            List<Integer> expected = new ArrayList<>();
            for (int n = 0; n < ranges.size(); n++) {
                int[] r = ranges.get(n);
                if (!Arrays.equals(now, r[0], r[0] + r[1], before, r[0], r[0] + r[1])) expected.add(n);
            }
            int[] found = changes.find(now, before, count);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOf(found, count[0]));
        }
    }
}
