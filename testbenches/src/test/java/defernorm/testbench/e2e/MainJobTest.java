package defernorm.testbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.testbench.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code defernorm run} end to end, small: the table, report.json, report.html, the tops and their sidecars. */
class MainJobTest {
    @Test
    void theMainJobReportsEveryTop(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "run", "--engine", "builtin", "-n", "16", "-m", "8",
                "-P", "4", "-Q", "2", "-C", "2", "--tokens", "10", "--no-synth", "-o", dir.toString());
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.startsWith("Engine: built-in simulator"), text);
        assertTrue(text.contains("PASS: all 9 tops"), text);
        JsonNode j = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertTrue(j.get("passed").asBoolean());
        assertEquals(9, j.get("rows").size());
        for (JsonNode row : j.get("rows")) {
            assertEquals(row.get("predictedLatency").asLong(), row.get("latency").asLong(), row.get("top").asText());
            String top = row.get("top").asText();
            assertTrue(Files.exists(dir.resolve(top).resolve(top + ".v")), top);
            assertTrue(Files.exists(dir.resolve(top).resolve(top + ".json")), top);
        }
        assertTrue(j.get("sweepN").size() >= 9);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("data:image/svg+xml;base64,"), "vector plots");
        // --no-synth: every count is missing and the page says why
        assertTrue(html.contains("not counted (--no-synth)"), "missing counts are explained");
        assertEquals("not counted (--no-synth)", j.get("rows").get(0).get("synthNote").asText());
    }
}
