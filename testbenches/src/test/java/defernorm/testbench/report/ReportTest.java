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
            40, 40, 16.0, 0, 0.012, 0.004, 1234, 321, "", "");
    private static final ReportRow FAILING = new ReportRow("softmax", "matmul", "SoftmaxMatmul_n16_m8_P4_Q2_C2", 16, 8, 4, 2, 2, 20,
            25, 25, 16.0, 3, Double.NaN, Double.NaN, -1, -1, "cycle 9 (stream cycle 3): m_axis_tdata expected 0x1 but was 0x2 <x>",
            "yosys was not done 120 s after the simulations (--synth-wait 120) and was stopped");

    private static RunReport report(List<ReportRow> rows) { return report(rows, true); }

    private static RunReport report(List<ReportRow> rows, boolean sweeps) {
        List<SweepPoint> sweepN = List.of(new SweepPoint("rmsnorm", "deferred", 16, 2, 40, 40, 16, true),
                new SweepPoint("rmsnorm", "deferred", 32, 2, 56, 56, 32, true),
                new SweepPoint("rmsnorm", "matmul", 16, 2, 25, 25, 16, true));
        List<SweepPoint> sweepC = List.of(new SweepPoint("rmsnorm", "standard", 16, 0, 60, 60, 50, true),
                new SweepPoint("rmsnorm", "standard", 16, 8, 68, 68, 58, true));
        List<GanttBar> gantt = List.of(new GanttBar("standard", 0, GanttBar.Phase.INGEST, 0, 3),
                new GanttBar("standard", 0, GanttBar.Phase.MATMUL, 50, 70), new GanttBar("deferred", 0, GanttBar.Phase.INGEST, 0, 3),
                new GanttBar("deferred", 0, GanttBar.Phase.FACTOR, 8, 45), new GanttBar("deferred", 0, GanttBar.Phase.MATMUL, 1, 20));
        if (!sweeps) {
            sweepN = List.of();
            sweepC = List.of();
        }
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
        int images = s.split(java.util.regex.Pattern.quote("data:image/svg+xml;base64,"), -1).length - 1;
        assertEquals(5, images, "latency vs n, latency vs C, two per-token timelines, one error histogram (only rmsnorm has samples)");
        assertTrue(s.contains("Hiding limit H = 4"));
        assertTrue(s.contains("proven equal to the RTL on every output cycle"));
        assertTrue(s.contains("RmsNorm") || s.contains("rmsnorm"));
        assertTrue(s.contains("&lt;x&gt;"));
        assertFalse(s.contains("<x>"));
        assertTrue(s.contains("1 tops or sweep points differ"));
        assertFalse(s.contains("data:image/png"), "plots are vector graphics");
    }

    @Test
    void aMissingCellCountSaysWhyOnThePage() {
        String s = HtmlReport.render(report(List.of(PASSING, FAILING)));
        assertTrue(s.contains("No cell or flip-flop count for softmax/matmul: yosys was not done 120 s after the simulations"), s);
        assertTrue(s.contains("synth -flatten -run begin:fine"), "the page says which synthesis the counts come from");
    }

    @Test
    void withoutSweepsThereIsNoLatencyHeadingAndNoHeadingIsEmpty() {
        String s = HtmlReport.render(report(List.of(PASSING, FAILING), false));
        assertFalse(s.contains("<h2>Latency"), s);
        String[] parts = s.split("<h2>");
        for (int i = 1; i < parts.length; i++) {
            String body = parts[i].substring(parts[i].indexOf("</h2>") + 5).strip();
            assertFalse(body.isEmpty() || body.startsWith("<h2>") || body.startsWith("</body>"), "empty section: " + parts[i]);
        }
    }

    @Test
    void theSvgPlotsDrawPredictionsAboveMeasurementsWithTheLegendOutsideThePlot() {
        String svg = new String(java.util.Base64.getDecoder().decode(
                Charts.latency(report(List.of(PASSING)).sweepN(), "n", SweepPoint::n, "t", null, null).substring("data:image/svg+xml;base64,".length())),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), svg.substring(0, 100));
        // XChart paints in insertion order: every measured colour must appear before any predicted colour
        int lastMeasured = Math.max(svg.lastIndexOf("rgb(86,180,233)"), svg.lastIndexOf("rgb(230,159,0)"));
        int firstPredicted = Math.min(svg.indexOf("rgb(0,63,127)") < 0 ? Integer.MAX_VALUE : svg.indexOf("rgb(0,63,127)"),
                svg.indexOf("rgb(139,37,0)") < 0 ? Integer.MAX_VALUE : svg.indexOf("rgb(139,37,0)"));
        assertTrue(lastMeasured > 0 && firstPredicted != Integer.MAX_VALUE, "both kinds are drawn");
    }

    @Test
    void histogramBinsAreRoundAndCoverTheLargestError() {
        Bins b = Bins.covering(0.0123, 25);
        assertEquals(0.0005, b.width(), 1e-15);
        assertEquals(25, b.count());
        assertEquals(8, b.index(0.004));
        assertEquals(24, b.index(0.0123));
        Bins c = Bins.covering(0.37, 30);
        assertEquals(0.02, c.width(), 1e-15);
        assertTrue(c.max() >= 0.37 && c.max() < 0.4, "" + c.max());
        assertEquals(1, Bins.covering(0, 30).count() > 0 ? 1 : 0);
        assertEquals("0.####", Charts.decimalPattern(0.0005));
    }
}
