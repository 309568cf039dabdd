package defernorm.testbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemFindingsTest {
    /** Results of the fake runner over rmsnorm x 3 variants x T {1..16} x ring x H {1, 10}, n = 256, m = 8, P = 2, Q = 4. */
    private static List<PointResult> results() {
        List<PointResult> out = new ArrayList<>();
        FakeRunner fake = new FakeRunner();
        for (int h : new int[] {1, 10})
            for (int t : new int[] {1, 2, 4, 8, 16})
                for (Variant v : Variant.values())
                    out.add(fake.run(new GridPoint(out.size(), Op.RMSNORM, v, t, Topology.RING, h, 64, 256, 8, 2, 4)));
        return out;
    }

    @Test
    void rowsPutTheVariantsOfOneSystemSideBySide() {
        List<SystemRow> rows = SystemFindings.rows(results());
        assertEquals(10, rows.size());
        SystemRow r = rows.get(7);   // H = 10, T = 4
        assertEquals(4, r.tiles());
        assertEquals(10, r.hopLatency());
        assertEquals(40, r.collectiveCycles());
        assertEquals(256 / 8 * 2, r.matmulCycles());
        assertEquals(r.matmulCycles() + 10 + 20 + 40, r.latency(Variant.STANDARD));
        assertEquals(40.0 / r.latency(Variant.STANDARD), r.collectiveShare());
        assertEquals(2L, r.deferredOverMatmul());
    }

    @Test
    void deferralStopsHidingWhereTheCollectiveOutgrowsTheHidingLimit() {
        List<SystemRow> rows = SystemFindings.rows(results());
        assertEquals(Optional.of(FakeRunner.EXTRA), SystemFindings.fixedExtra(rows, Op.RMSNORM));
        assertEquals(Optional.empty(), SystemFindings.firstUnhidden(rows, Op.RMSNORM, Topology.RING, 1), "16 cycles at most: hidden");
        SystemRow stop = SystemFindings.firstUnhidden(rows, Op.RMSNORM, Topology.RING, 10).orElseThrow();
        assertEquals(8, stop.tiles(), "T·H = 80 > 40 from T = 8");
        assertEquals(40L, SystemFindings.excess(rows, stop));
        List<String> s = SystemFindings.hidingSentences(rows);
        assertEquals(1, s.size());
        assertTrue(s.get(0).startsWith("rmsnorm, ring: deferred = matmul-only + 2 cycles until deferral stops hiding the collective at "
                + "H = 10 from T = 8 (L_ar 80 cycles against a tile matmul of 32; deferred +40 cycles over matmul-only + 2)"), s.get(0));
    }

    @Test
    void theLargestShareIsStandards() {
        List<SystemRow> rows = SystemFindings.rows(results());
        SystemRow t16 = rows.get(9);
        assertEquals(160.0 / t16.latency(Variant.STANDARD), SystemFindings.maxShare(rows));
    }
}
