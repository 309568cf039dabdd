package defernorm.testbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval's scales: the shipped sample, the error against the user's x, per-token scales, and inputs no scale fits. */
class EvalScalesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sample input docs/cli.md points to (tests run in the testbenches module folder). */
    private static final Path SAMPLE = Path.of("..", "docs", "eval-sample.json");

    private static JsonNode eval(Path input, Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("eval", "--input", input.toString(), "--output", out.toString(), "--engine", "builtin");
        assertEquals(ExitCodes.PASS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("|y - float64 of x|"), r.out());
        return JSON.readTree(out.toFile());
    }

    private static Path withInScale(Path dir, Object inScale) throws Exception {
        ObjectNode in = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        if (inScale instanceof String s) in.put("inScale", s); else in.put("inScale", (Double) inScale);
        Path p = dir.resolve("in-" + inScale + ".json");
        Files.writeString(p, JSON.writeValueAsString(in));
        return p;
    }

    @Test
    void theShippedSampleRunsAndReportsBothErrors(@TempDir Path dir) throws Exception {
        JsonNode out = eval(SAMPLE, dir);
        assertTrue(out.get("matchesGoldenModel").asBoolean());
        JsonNode t0 = out.get("tokens").get(0);
        double s = out.get("scales").get("in").asDouble();
        // reference is the float64 layer on the int8 inputs times their scale; referenceFromX on the user's x
        assertEquals(s, t0.get("inScale").asDouble());
        assertTrue(out.get("maxAbsErrorVsX").asDouble() >= out.get("maxAbsError").asDouble() / 10);
        assertEquals(t0.get("y").size(), t0.get("referenceFromX").size());
    }

    @Test
    void perTokenScalesShrinkTheErrorAgainstXWhenTokenSpreadsDiffer(@TempDir Path dir) throws Exception {
        JsonNode fixed = eval(SAMPLE, dir);
        JsonNode perToken = eval(withInScale(dir, "per-token"), dir);
        assertTrue(perToken.get("matchesGoldenModel").asBoolean());
        assertTrue(perToken.get("scales").get("perToken").asBoolean());
        JsonNode x = JSON.readTree(SAMPLE.toFile()).get("x");
        for (int t = 0; t < x.size(); t++) {
            double max = 0;
            for (JsonNode v : x.get(t)) max = Math.max(max, Math.abs(v.asDouble()));
            assertEquals(max / 127, perToken.get("tokens").get(t).get("inScale").asDouble(), 1e-15);
        }
        // the sample's first token spreads 40x less than its last: one static scale leaves it a few int8 steps
        assertTrue(perToken.get("maxAbsErrorVsX").asDouble() < fixed.get("maxAbsErrorVsX").asDouble() / 4,
                perToken.get("maxAbsErrorVsX") + " vs " + fixed.get("maxAbsErrorVsX"));
    }

    @Test
    void allZeroInputAsksForAnInScale(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("zero.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[0, 0], [0, 0]], \"weights\": [[1], [2]]}");
        CliRun r = CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("o.json").toString(), "--engine", "builtin");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("every value of \"x\" is 0") && r.err().contains("give \"inScale\""), r.err());
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[0, 0], [0, 0]], \"weights\": [[1], [2]], \"inScale\": 0.01}");
        assertEquals(ExitCodes.PASS, CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("o.json").toString(),
                "--engine", "builtin").code());
    }

    @Test
    void softmaxRefusesPerTokenScalesAndSaysWhy(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("sm.json");
        Files.writeString(in, "{\"op\": \"softmax\", \"scores\": [[1, 2]], \"v\": [[1], [2]], \"inScale\": \"per-token\"}");
        CliRun r = CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("o.json").toString(), "--engine", "builtin");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.oneErrorLine() && r.err().contains("not possible for softmax"), r.err());
    }

    @Test
    void scalesOutOfRangeNameTheWorkaround(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("tiny.json");
        Files.writeString(in, "{\"op\": \"rmsnorm\", \"x\": [[1e-9, 2e-9]], \"weights\": [[1], [2]]}");
        CliRun r = CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("o.json").toString(), "--engine", "builtin");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("Multiplying x by k and eps by k"), r.err());
        Files.writeString(in, "{\"op\": \"softmax\", \"scores\": [[1, 2000]], \"v\": [[1], [2]]}");
        r = CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("o.json").toString(), "--engine", "builtin");
        assertTrue(r.err().contains("subtract each row's mean"), r.err());
        // the documented workaround works: the same row minus its mean
        Files.writeString(in, "{\"op\": \"softmax\", \"scores\": [[-999.5, 999.5]], \"v\": [[1], [2]]}");
        assertEquals(ExitCodes.PASS, CliRun.of("eval", "--input", in.toString(), "--output", dir.resolve("o.json").toString(),
                "--engine", "builtin").code());
    }
}
