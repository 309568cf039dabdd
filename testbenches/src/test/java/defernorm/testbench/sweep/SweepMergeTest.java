package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepMergeTest {
    private static final SweepGrid GRID = SweepGridTest.grid(List.of(1), List.of(16, 32));

    /** The file a run of {@code shard} writes. */
    static String run(SweepGrid g, ShardSpec shard) {
        StringBuilder b = new StringBuilder();
        SweepRunner.run(g, shard, 3, new FakeRunner(), l -> b.append(l).append('\n'), r -> {});
        return b.toString();
    }

    private static List<Path> slices(Path dir, SweepGrid g, int n) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {   // any order
            Path f = dir.resolve("s" + i + ".jsonl");
            Files.writeString(f, run(g, new ShardSpec(i, n)));
            files.add(f);
        }
        return files;
    }

    @Test
    void slicesMergeIntoExactlyTheUnshardedFile(@TempDir Path dir) throws IOException {
        String whole = run(GRID, ShardSpec.ALL);
        assertEquals(GRID.size(), whole.lines().count());
        for (int n : new int[] {1, 2, 3, 7}) {
            assertEquals(whole, SweepMerge.text(SweepMerge.merge(slices(dir.resolve("n" + n), GRID, n))), n + " slices");
        }
    }

    @Test
    void aMissingPointIsNamed(@TempDir Path dir) throws IOException {
        List<Path> files = slices(dir, GRID, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(files.subList(1, 4)));
        assertEquals("12 of the grid's 48 points are missing (index 3, 7, 11, 15, 19 and 7 more); run the slices that hold them and merge again.",
                e.getMessage());
    }

    @Test
    void aPointTwiceIsNamed(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>(slices(dir, GRID, 2));
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(files.get(0), copy);
        files.add(copy);
        var e = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(files));
        assertTrue(e.getMessage().matches("point 1 \\(rmsnorm/deferred/n16/m8/P2/Q4/ring/H1/T1\\) is in both .*s1.jsonl line 1 and "
                + ".*copy.jsonl line 1; give each slice once."), e.getMessage());
        var same = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(files.get(0), files.get(0))));
        assertTrue(same.getMessage().endsWith("is given twice; give each slice once."), same.getMessage());
    }

    @Test
    void slicesOfAnotherGridAreRefused(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, run(GRID, new ShardSpec(0, 2)));
        Files.writeString(b, run(SweepGridTest.grid(List.of(1), List.of(32, 16)), new ShardSpec(1, 2)));
        var e = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(a, b)));
        assertTrue(e.getMessage().contains("b.jsonl line 1 comes from another grid"), e.getMessage());
        assertTrue(e.getMessage().endsWith("merge only the slices of one sweep, run with the same options."), e.getMessage());
    }

    @Test
    void aLineThatIsNotAPointIsNamedWithItsPlace(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Files.writeString(a, run(GRID, ShardSpec.ALL) + "{\"grid\": 1\n");
        var e = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(a)));
        assertTrue(e.getMessage().startsWith(a + " line 49 is not valid JSON"), e.getMessage());
        Files.writeString(a, "{\"grid\": \"x\"}\n");
        var f = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(a)));
        assertTrue(f.getMessage().startsWith(a + " line 1 is not a sweep point: \"index\" is missing."), f.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(dir.resolve("none.jsonl"))));
        assertTrue(missing.getMessage().endsWith("none.jsonl does not exist."), missing.getMessage());
    }

    @Test
    void aLineReadsBackAsTheSameResult() {
        PointResult r = new FakeRunner().run(GRID.points().get(1));
        String line = PointJson.line(GRID, r);
        PointJson.Line back = PointJson.parse(line, "here");
        assertEquals(r, back.result());
        assertEquals(line, PointJson.line(GRID, back.result()));
        assertEquals(GRID.fingerprint(), back.grid());
        assertEquals(GRID.size(), back.points());
    }
}
