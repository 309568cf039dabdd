package defernorm.testbench.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.golden.model.Op;
import defernorm.golden.model.Variant;
import defernorm.golden.system.Topology;
import java.util.Locale;

/**
 * One sweep point as one line of JSON (docs/cli.md, "sweep"), and back. Keys come in a fixed order and hold
 * no timings, so a point's line is the same on every run. Every line carries the grid's fingerprint, the
 * point's index and the grid's size, which is all {@code merge} needs to check a set of slices.
 *
 * <pre>{@code
 * String line = PointJson.line(grid, result);     // {"grid":"3f1c...","index":0,"points":270,"id":...}
 * PointJson.Line back = PointJson.parse(line, "a.jsonl line 1");
 * }</pre>
 */
public final class PointJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PointJson() {}

    /** A parsed line: the stamp, the point's result and the text it was read from (merge copies it as is). */
    public record Line(String grid, int index, int points, PointResult result, String text) {}

    /** The point's line, without a line break. */
    public static String line(SweepGrid grid, PointResult r) {
        return line(grid.fingerprint(), grid.size(), grid.tokens(), grid.seed(), GridPoint.name(grid.engine()), r);
    }

    static String line(String fingerprint, int points, int tokens, long seed, String engine, PointResult r) {
        GridPoint p = r.point();
        ObjectNode o = JSON.createObjectNode();
        o.put("grid", fingerprint).put("index", p.index()).put("points", points).put("id", p.id())
                .put("op", GridPoint.name(p.op())).put("variant", GridPoint.name(p.variant()))
                .put("tiles", p.tiles()).put("topology", p.topology().cliName()).put("hopLatency", p.hopLatency())
                .put("linkBits", p.linkBits()).put("n", p.n()).put("m", p.m()).put("P", p.p()).put("Q", p.q())
                .put("tokens", tokens).put("seed", seed).put("engine", engine)
                .put("predictedLatency", r.predictedLatency()).put("latency", r.latency());
        number(o, "cyclesPerToken", r.cyclesPerToken());
        o.put("passed", r.passed()).put("mismatches", r.mismatches()).put("problem", r.problem())
                .put("collectiveCycles", r.collectiveCycles()).put("outputReduceCycles", r.outputReduceCycles())
                .put("matmulCycles", p.matmulCycles());
        number(o, "collectiveShare", r.collectiveShare());
        if (r.hidingLimit() != null) o.put("hidingLimit", r.hidingLimit()); else o.putNull("hidingLimit");
        if (p.variant() == Variant.DEFERRED && r.hidingLimit() != null) o.put("collectiveHidden", r.collectiveHidden());
        else o.putNull("collectiveHidden");
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /**
     * Reads one line; {@code where} (e.g. {@code "a.jsonl line 3"}) starts the sentence when the line is not a
     * sweep point.
     *
     * @throws IllegalArgumentException with one sentence naming the place and the problem
     */
    public static Line parse(String text, String where) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid JSON (" + e.getOriginalMessage() + "); each line of a sweep file is one point.");
        }
        if (o == null || !o.isObject()) throw new IllegalArgumentException(where + " is not a JSON object; each line of a sweep file is one point.");
        try {
            GridPoint p = new GridPoint(integer(o, "index"), Op.valueOf(upper(o, "op")), Variant.valueOf(upper(o, "variant")),
                    integer(o, "tiles"), Topology.parse(text(o, "topology")), integer(o, "hopLatency"), integer(o, "linkBits"),
                    integer(o, "n"), integer(o, "m"), integer(o, "P"), integer(o, "Q"));
            JsonNode h = o.get("hidingLimit");
            PointResult r = new PointResult(p, whole(o, "predictedLatency"), whole(o, "latency"), decimal(o, "cyclesPerToken"),
                    bool(o, "passed"), integer(o, "mismatches"), text(o, "problem"), whole(o, "collectiveCycles"),
                    whole(o, "outputReduceCycles"), h == null || h.isNull() ? null : h.asLong());
            return new Line(text(o, "grid"), p.index(), integer(o, "points"), r, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a sweep point: " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null) throw new IllegalArgumentException("\"" + key + "\" is missing.");
        return v;
    }

    private static int integer(JsonNode o, String key) {
        JsonNode v = field(o, key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new IllegalArgumentException("\"" + key + "\" must be an integer.");
        return v.asInt();
    }

    private static long whole(JsonNode o, String key) {
        JsonNode v = field(o, key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new IllegalArgumentException("\"" + key + "\" must be an integer.");
        return v.asLong();
    }

    private static double decimal(JsonNode o, String key) {
        JsonNode v = field(o, key);
        if (v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw new IllegalArgumentException("\"" + key + "\" must be a number or null.");
        return v.asDouble();
    }

    private static boolean bool(JsonNode o, String key) {
        JsonNode v = field(o, key);
        if (!v.isBoolean()) throw new IllegalArgumentException("\"" + key + "\" must be true or false.");
        return v.asBoolean();
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = field(o, key);
        if (!v.isTextual()) throw new IllegalArgumentException("\"" + key + "\" must be a string.");
        return v.asText();
    }

    private static String upper(JsonNode o, String key) {
        return text(o, key).toUpperCase(Locale.ROOT);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }
}
