package defernorm.testbench.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import org.junit.jupiter.api.Test;

class DocTablesTest {
    @Test
    void theTimingTablesUseTheHardwaresDepths() {
        String t = DocTables.timing();
        long h = TopGenerator.schedule(Op.RMSNORM, Variant.DEFERRED, DocTables.DEFAULT).hidingLimit();
        long lat = TopGenerator.schedule(Op.RMSNORM, Variant.DEFERRED, DocTables.DEFAULT).tokenLatency();
        assertTrue(t.contains("| rmsnorm | deferred | "), t);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("| rmsnorm | deferred |") && l.endsWith("| " + lat + " | 64 | " + h + " |")), t);
        assertTrue(t.contains("| 64 | 16 | 24 | 17 |"), t);
    }
}
