package defernorm.testbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code report.json}: the table, machine-readable (shape in docs/cli.md). Error samples are
 * summarized (count, max, mean) rather than listed, to keep the file small.
 *
 * <pre>{@code ReportJson.write(report, Path.of("rtl-out/report.json")); }</pre>
 */
public final class ReportJson {
    private ReportJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ObjectNode toJson(RunReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("engine", r.engine());
        root.put("engineNote", r.engineNote());
        root.put("seed", r.seed());
        root.put("passed", r.passed());
        root.put("failures", r.failures());
        root.put("seconds", round(r.seconds()));
        ArrayNode rows = root.putArray("rows");
        for (ReportRow row : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("op", row.op());
            o.put("variant", row.variant());
            o.put("top", row.top());
            o.put("n", row.n());
            o.put("m", row.m());
            o.put("P", row.p());
            o.put("Q", row.q());
            o.put("C", row.c());
            o.put("tokens", row.tokens());
            o.put("latency", row.latency());
            o.put("predictedLatency", row.predictedLatency());
            putNumber(o, "cyclesPerToken", row.cyclesPerToken());
            putNumber(o, "throughput", row.throughput());
            o.put("mismatches", row.mismatches());
            putNumber(o, "maxAbsError", row.maxAbsError());
            putNumber(o, "maxRelError", row.maxRelError());
            if (row.cells() >= 0) o.put("cells", row.cells()); else o.putNull("cells");
            if (row.flipFlops() >= 0) o.put("flipFlops", row.flipFlops()); else o.putNull("flipFlops");
            if (!row.synthNote().isEmpty()) o.put("synthNote", row.synthNote());
            o.put("passed", row.passed());
            o.put("firstMismatch", row.firstMismatch());
            double[] e = r.errors().get(row.top());
            if (e != null && e.length > 0) {
                ObjectNode s = o.putObject("errorSummary");
                double max = 0, sum = 0;
                for (double v : e) { max = Math.max(max, v); sum += v; }
                s.put("count", e.length);
                s.put("max", max);
                s.put("mean", sum / e.length);
            }
        }
        root.set("sweepN", MAPPER.valueToTree(r.sweepN()));
        root.set("sweepC", MAPPER.valueToTree(r.sweepC()));
        root.put("hidingLimit", r.hidingLimit());
        ArrayNode gantt = root.putArray("gantt");
        for (GanttBar b : r.gantt()) {
            gantt.addObject().put("variant", b.variant()).put("token", b.token()).put("phase", b.phase().name().toLowerCase())
                    .put("from", b.from()).put("to", b.to());
        }
        return root;
    }

    public static void write(RunReport r, Path file) {
        try {
            Files.writeString(file, MAPPER.writeValueAsString(toJson(r)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
