package defernorm.testbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.testbench.job.Sweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final ReportRow PASSING = new ReportRow("rmsnorm", "deferred", "RmsNormDeferred_n16_m8_P4_Q2_C2", 16, 8, 4, 2, 2, 20,
            40, 40, 16.0, 0, 0.012, 0.004, 1234, 321, "");
    private static final ReportRow FAILING = new ReportRow("softmax", "matmul", "SoftmaxMatmul_n16_m8_P4_Q2_C2", 16, 8, 4, 2, 2, 20,
            25, 25, 16.0, 3, Double.NaN, Double.NaN, -1, -1, "cycle 9 (stream cycle 3): m_axis_tdata expected 0x1 but was 0x2 <x>");

    private static RunReport report(List<ReportRow> rows) {
        List<SweepPoint> sweepN = List.of(new SweepPoint("rmsnorm", "deferred", 16, 2, 40, 40, 16, true),
                new SweepPoint("rmsnorm", "deferred", 32, 2, 56, 56, 32, true),
                new SweepPoint("rmsnorm", "matmul", 16, 2, 25, 25, 16, true));
        List<SweepPoint> sweepC = List.of(new SweepPoint("rmsnorm", "standard", 16, 0, 60, 60, 50, true),
                new SweepPoint("rmsnorm", "standard", 16, 8, 68, 68, 58, true));
        List<GanttBar> gantt = List.of(new GanttBar("standard", 0, GanttBar.Phase.INGEST, 0, 3),
                new GanttBar("standard", 0, GanttBar.Phase.MATMUL, 50, 70), new GanttBar("deferred", 0, GanttBar.Phase.INGEST, 0, 3),
                new GanttBar("deferred", 0, GanttBar.Phase.FACTOR, 8, 45), new GanttBar("deferred", 0, GanttBar.Phase.MATMUL, 1, 20));
        return new RunReport("builtin", "Engine: built-in simulator (as requested)", 7, rows, sweepN, sweepC,
                Map.of(PASSING.top(), new double[] {0.001, 0.002, 0.012}), 4, gantt, 1.5);
    }

    @Test
    void jsonHasEveryColumnAndNullsForUnknowns() throws Exception {
        JsonNode j = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(ReportJson.toJson(report(List.of(PASSING, FAILING)))));
        assertFalse(j.get("passed").asBoolean());
        assertEquals(1, j.get("failures").asInt());
        JsonNode r0 = j.get("rows").get(0);
        assertEquals("RmsNormDeferred_n16_m8_P4_Q2_C2", r0.get("top").asText());
        assertEquals(40, r0.get("latency").asLong());
        assertEquals(1.0 / 16, r0.get("throughput").asDouble(), 1e-12);
        assertEquals(1234, r0.get("cells").asLong());
        assertEquals(3, r0.get("errorSummary").get("count").asInt());
        assertEquals(0.012, r0.get("errorSummary").get("max").asDouble(), 1e-12);
        JsonNode r1 = j.get("rows").get(1);
        assertTrue(r1.get("cells").isNull());
        assertTrue(r1.get("maxAbsError").isNull());
        assertFalse(r1.get("passed").asBoolean());
        assertEquals(3, j.get("sweepN").size());
        assertEquals(8, j.get("sweepC").get(1).get("c").asInt());
        assertEquals(4, j.get("hidingLimit").asLong());
        assertEquals(5, j.get("gantt").size());
        assertEquals("factor", j.get("gantt").get(3).get("phase").asText());
        assertEquals(45, j.get("gantt").get(3).get("to").asLong());
    }

    @Test
    void theCSweepRunsToTwiceTheHidingLimitThroughTheKnee() {
        List<Integer> cs = Sweeps.cValues(21);
        assertEquals(0, cs.get(0));
        assertEquals(42, cs.get(cs.size() - 1));
        assertTrue(cs.contains(21) && cs.contains(22), cs::toString);
        assertEquals(List.of(0), Sweeps.cValues(-5));
    }

    @Test
    void theTableHasAHeaderAndOneLinePerTop() {
        String t = ConsoleTable.render(List.of(PASSING, FAILING));
        List<String> lines = t.lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("op"));
        assertTrue(lines.get(2).contains("PASS") && lines.get(2).contains("1234"));
        assertTrue(lines.get(3).contains("FAIL"));
        assertEquals(lines.get(0).length(), lines.get(2).length());
    }

    @Test
    void theHtmlPageEmbedsThePlotsAndEscapesText(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        HtmlReport.write(report(List.of(PASSING, FAILING)), html);
        String s = Files.readString(html);
        int images = s.split("data:image/png;base64,", -1).length - 1;
        assertEquals(5, images, "latency vs n, latency vs C, two per-token timelines, one error histogram (only rmsnorm has samples)");
        assertTrue(s.contains("Hiding limit H = 4"));
        assertTrue(s.contains("proven equal to the RTL on every output cycle"));
        assertTrue(s.contains("RmsNorm") || s.contains("rmsnorm"));
        assertTrue(s.contains("&lt;x&gt;"));
        assertFalse(s.contains("<x>"));
        assertTrue(s.contains("1 tops or sweep points differ"));
    }
}
