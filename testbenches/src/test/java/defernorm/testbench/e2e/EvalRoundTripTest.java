package defernorm.testbench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.testbench.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code defernorm eval}: real inputs in, real outputs (with raw integers and the float64 reference) out. */
class EvalRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 16, M = 8, TOKENS = 5;

    @ParameterizedTest
    @CsvSource({"layernorm, deferred", "rmsnorm, standard", "softmax, deferred", "rmsnorm, matmul"})
    void realValuesGoThroughTheRtlAndBack(String op, String variant, @TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(op.hashCode());
        ObjectNode in = JSON.createObjectNode();
        in.put("op", op);
        in.put("variant", variant);
        in.putObject("params").put("P", 4).put("Q", 2).put("C", 1);
        ArrayNode rows = in.putArray(op.equals("softmax") ? "scores" : "x");
        for (int t = 0; t < TOKENS; t++) {
            ArrayNode row = rows.addArray();
            for (int i = 0; i < N; i++) row.add(r.nextDouble(-2, 2) + (op.equals("softmax") ? 0 : 0.5));
        }
        ArrayNode w = in.putArray(op.equals("softmax") ? "v" : "weights");
        for (int i = 0; i < N; i++) {
            ArrayNode row = w.addArray();
            for (int j = 0; j < M; j++) row.add(r.nextDouble(-1, 1) / 4);
        }
        if (op.equals("layernorm")) {
            ArrayNode gamma = in.putArray("gamma");
            ArrayNode beta = in.putArray("beta");
            for (int i = 0; i < N; i++) {
                gamma.add(1 + r.nextDouble(-0.2, 0.2));
                beta.add(r.nextDouble(-0.1, 0.1));
            }
        }
        Path input = dir.resolve("in.json");
        Path output = dir.resolve("out.json");
        Files.writeString(input, JSON.writeValueAsString(in));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "eval", "--input", input.toString(),
                "--output", output.toString(), "--engine", "builtin");
        assertEquals(0, code, out + "\n" + err);

        JsonNode o = JSON.readTree(output.toFile());
        assertTrue(o.get("matchesGoldenModel").asBoolean());
        assertEquals(N, o.get("params").get("n").asInt());
        assertEquals(M, o.get("params").get("m").asInt());
        assertEquals(TOKENS, o.get("tokens").size());
        double maxRef = 0;
        for (JsonNode t : o.get("tokens")) {
            assertEquals(N, t.get("int8").size());
            assertEquals(M, t.get("raw").size());
            assertEquals(M, t.get("y").size());
            assertEquals(M, t.get("reference").size());
            for (int j = 0; j < M; j++) {
                double scale = o.get("scales").get("out").get(j).asDouble();
                assertEquals(t.get("raw").get(j).asLong() * scale, t.get("y").get(j).asDouble(), 1e-9 * Math.max(1, Math.abs(t.get("y").get(j).asDouble())));
                maxRef = Math.max(maxRef, Math.abs(t.get("reference").get(j).asDouble()));
            }
        }
        if (variant.equals("matmul")) {
            assertTrue(o.get("maxAbsError").isNull());
        } else {
            double e = o.get("maxAbsError").asDouble();
            assertTrue(e < 0.1 * maxRef, "max error " + e + " against outputs up to " + maxRef);
        }
    }
}
