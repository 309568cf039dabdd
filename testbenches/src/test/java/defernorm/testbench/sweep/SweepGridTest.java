package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {
    static SweepGrid grid(List<Integer> tiles, List<Integer> ns) {
        return new SweepGrid(List.of(Op.RMSNORM, Op.SOFTMAX), List.of(Variant.values()), tiles, List.of(Topology.RING, Topology.TREE),
                List.of(1, 10), ns, List.of(8), List.of(2), List.of(4), 64, 2, 7L, Engine.BUILTIN);
    }

    @Test
    void pointsComeInOneStableOrderWithTheVariantFastest() {
        SweepGrid g = grid(List.of(1), List.of(16, 32));
        List<GridPoint> ps = g.points();
        assertEquals(2 * 3 * 1 * 2 * 2 * 2, g.size());
        assertEquals(g.size(), ps.size());
        for (int i = 0; i < ps.size(); i++) assertEquals(i, ps.get(i).index());
        assertEquals("rmsnorm/standard/n16/m8/P2/Q4/ring/H1/T1", ps.get(0).id());
        assertEquals("rmsnorm/deferred/n16/m8/P2/Q4/ring/H1/T1", ps.get(1).id());
        assertEquals("rmsnorm/matmul/n16/m8/P2/Q4/ring/H1/T1", ps.get(2).id());
        assertEquals("rmsnorm/standard/n16/m8/P2/Q4/ring/H10/T1", ps.get(3).id());
        assertEquals("rmsnorm/standard/n16/m8/P2/Q4/tree/H1/T1", ps.get(6).id());
        assertEquals("rmsnorm/standard/n32/m8/P2/Q4/ring/H1/T1", ps.get(12).id());
        assertEquals("softmax/standard/n16/m8/P2/Q4/ring/H1/T1", ps.get(24).id());
        assertEquals(g.size(), new HashSet<>(ps.stream().map(GridPoint::id).toList()).size(), "ids are unique");
        assertEquals(ps, grid(List.of(1), List.of(16, 32)).points(), "the same grid gives the same points");
    }

    @Test
    void theFingerprintNamesTheGridAndItsRunSettings() {
        SweepGrid g = grid(List.of(1), List.of(16, 32));
        assertEquals(g.fingerprint(), grid(List.of(1), List.of(16, 32)).fingerprint());
        assertEquals(16, g.fingerprint().length());
        assertNotEquals(g.fingerprint(), grid(List.of(1), List.of(32, 16)).fingerprint(), "the order of a list is part of the grid");
        SweepGrid otherSeed = new SweepGrid(g.ops(), g.variants(), g.tiles(), g.topologies(), g.hopLatencies(), g.ns(), g.ms(),
                g.ps(), g.qs(), g.linkBits(), g.tokens(), 8L, g.engine());
        assertNotEquals(g.fingerprint(), otherSeed.fingerprint());
    }

    @Test
    void aPointThatCannotBeBuiltIsOneSentenceNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> grid(List.of(1), List.of(15)));
        assertTrue(e.getMessage().startsWith("grid point rmsnorm/standard/n15/m8/P2/Q4/ring/H1/T1 cannot be built: "), e.getMessage());
        assertTrue(e.getMessage().contains("P must divide n"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void listsMustBeNonEmptyAndWithoutRepeats() {
        var empty = assertThrows(IllegalArgumentException.class, () -> grid(List.of(), List.of(16)));
        assertEquals("--tiles needs at least one value.", empty.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> grid(List.of(1, 1), List.of(16)));
        assertEquals("--tiles lists 1 twice; give each value once.", twice.getMessage());
    }

    @Test
    void tokensAreBounded() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SweepGrid(List.of(Op.RMSNORM), List.of(Variant.MATMUL),
                List.of(1), List.of(Topology.RING), List.of(1), List.of(16), List.of(8), List.of(2), List.of(4), 64, 0, 1L, Engine.BUILTIN));
        assertEquals("--tokens must be between 1 and 64, got 0.", e.getMessage());
    }
}
