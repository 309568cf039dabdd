package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardSpecTest {
    @Test
    void parsesZeroBasedSlices() {
        assertEquals(new ShardSpec(0, 4), ShardSpec.parse("0/4"));
        assertEquals(new ShardSpec(3, 4), ShardSpec.parse(" 3 / 4 "));
        assertEquals("3/4", ShardSpec.parse("3/4").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5/4|the shard index i in i/N counts from 0 and must be below N (0/4 to 3/4), got 5/4.",
            "4/4|the shard index i in i/N counts from 0 and must be below N (0/4 to 3/4), got 4/4.",
            "-1/4|the shard index i in i/N counts from 0 and must be below N (0/4 to 3/4), got -1/4.",
            "0/0|the shard count N in i/N must be at least 1, got 0/0.",
            "1/-2|the shard count N in i/N must be at least 1, got 1/-2.",
            "garbage|a shard is i/N: slice i (counted from 0) of N, e.g. 0/4 to 3/4; got 'garbage'.",
            "1/|a shard is i/N: slice i (counted from 0) of N, e.g. 0/4 to 3/4; got '1/'.",
            "1.5/4|a shard is i/N: slice i (counted from 0) of N, e.g. 0/4 to 3/4; got '1.5/4'.",
            "99999999999/4|a shard is i/N: slice i (counted from 0) of N, e.g. 0/4 to 3/4; got '99999999999/4'."})
    void badSpecsAreOneSentenceNamingTheRule(String spec, String sentence) {
        var e = assertThrows(IllegalArgumentException.class, () -> ShardSpec.parse(spec));
        assertEquals(sentence, e.getMessage());
    }

    @Test
    void theSlicesPartitionTheGrid() {
        SweepGrid g = SweepGridTest.grid(List.of(1), List.of(16, 32));
        List<GridPoint> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<GridPoint> slice = g.points(new ShardSpec(i, 5));
            for (GridPoint p : slice) assertEquals(i, p.index() % 5);
            assertTrue(Math.abs(slice.size() - g.size() / 5.0) < 1, "slices are balanced");
            all.addAll(slice);
        }
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        assertEquals(g.points(), all);
        assertEquals(g.points(), g.points(ShardSpec.ALL));
    }
}
