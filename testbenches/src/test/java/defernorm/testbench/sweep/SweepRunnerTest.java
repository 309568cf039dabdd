package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {
    @Test
    void linesComeInGridOrderWhateverOrderPointsFinishIn() {
        SweepGrid g = SweepGridTest.grid(List.of(1), List.of(16, 32));
        FakeRunner fake = new FakeRunner();
        // early points take longest, so with 4 threads they finish after later ones
        PointRunner slowFirst = p -> {
            LockSupport.parkNanos((g.size() - p.index()) * 200_000L);
            return fake.run(p);
        };
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        List<PointResult> rs = SweepRunner.run(g, new ShardSpec(1, 2), 4, slowFirst, lines::add, r -> finished.add(r.point().index()));
        List<GridPoint> mine = g.points(new ShardSpec(1, 2));
        assertEquals(mine, rs.stream().map(PointResult::point).toList());
        assertEquals(mine.stream().map(p -> PointJson.line(g, fake.run(p))).toList(), lines);
        assertEquals(mine.size(), finished.size());
    }

    @Test
    void jobsMustBePositive() {
        SweepGrid g = SweepGridTest.grid(List.of(1), List.of(16));
        var e = assertThrows(IllegalArgumentException.class, () -> SweepRunner.run(g, ShardSpec.ALL, 0, new FakeRunner(), l -> {}, r -> {}));
        assertEquals("--jobs must be at least 1, got 0.", e.getMessage());
    }
}
