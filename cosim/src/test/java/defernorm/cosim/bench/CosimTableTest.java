package defernorm.cosim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The co-simulation table's report: the native loop by core in the markdown and as JSON. */
class CosimTableTest {
    private static final List<CosimRecord> RECORDS = List.of(
            new CosimRecord("mac4x4", "batch", "verilator-inprocess", 9e6, 1e7, 0.9, 0.8, 1.1, 1_000_000, true));

    @Test void theNativeLoopByCoreIsOneLinePerTable() {
        List<CoreSpeed> cores = List.of(new CoreSpeed("mac4x4", 0, 1.2e7), new CoreSpeed("mac4x4", 1, 8e6),
                new CoreSpeed("tree", 0, 5e6), new CoreSpeed("tree", 1, 6e6));
        String md = CosimTable.markdown(RECORDS, cores);
        assertTrue(md.contains("The native loop by core (the median over the rounds on each): mac4x4 CPU 0 "
                + BenchReport.rate(1.2e7) + " / CPU 1 " + BenchReport.rate(8e6) + "; tree CPU 0 "), md);
        assertFalse(CosimTable.markdown(RECORDS, List.of()).contains("by core"), "nothing pinned: no line");
    }

    @Test void theCoresAreAJsonList() throws Exception {
        JsonNode list = new ObjectMapper().readTree(CosimTable.coresJson(List.of(new CoreSpeed("mac4x4", 1, 8e6))));
        assertEquals(1, list.size());
        assertEquals("mac4x4", list.get(0).get("design").asText());
        assertEquals(1, list.get(0).get("cpu").asInt());
        assertEquals(8e6, list.get(0).get("nativeCyclesPerSecond").asDouble(), 1e3);
        assertEquals(0, new ObjectMapper().readTree(CosimTable.coresJson(List.of())).size());
    }
}
