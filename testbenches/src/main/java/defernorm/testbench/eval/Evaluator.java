package defernorm.testbench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Quantizer;
import defernorm.golden.model.Variant;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.OutputBeat;
import defernorm.testbench.dut.Tops;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs real-valued inputs through the generated RTL: quantizes them with the documented scales, streams
 * them through the top (checked against the golden model on every cycle), and returns the real-valued
 * outputs with the raw integers and the float64 reference beside them (JSON shape in docs/cli.md).
 *
 * <pre>{@code
 * Evaluator.Result r = Evaluator.evaluate(EvalRequest.parse(json, "in.json"), Engine.BUILTIN);
 * Files.writeString(out, Evaluator.toJson(r));
 * }</pre>
 */
public final class Evaluator {
    private Evaluator() {}

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The evaluation: the response document and whether the RTL matched the golden model. */
    public record Result(ObjectNode json, boolean matchesGoldenModel, String summary) {}

    public static Result evaluate(EvalRequest req, Engine engine) {
        Params params = req.params();
        InputScales scales = InputScales.of(req.op(), req.rows(), req.inScale(), req.perTokenScales());
        QuantizedLayer q;
        try {
            q = req.layer().quantize(params, scales.configured());
        } catch (IllegalArgumentException e) {
            throw new EvalInputError("the inputs cannot be quantized: " + e.getMessage() + " " + workaround(req.op()));
        }
        List<byte[]> tokens = IntStream.range(0, req.rows().size())
                .mapToObj(t -> Quantizer.quantizeVector(req.rows().get(t), scales.token(t))).toList();
        var top = Tops.underTest(req.variant(), q.config());
        CheckResult check = Checker.check(top, CheckPlan.free(tokens, 1L), SimOptions.of(engine));
        ObjectNode json = response(req, engine, top.name(), q, scales, tokens, check);
        String bad = firstNonFinite(json, "");
        if (bad != null) {
            throw new EvalInputError("the inputs give a non-finite value at " + bad
                    + " (their magnitudes are too far apart to quantize); rescale them toward 1.");
        }
        String errors = json.get("maxAbsError").isNull() ? ""
                : String.format(java.util.Locale.ROOT, "%nlargest |y - reference| %.3g (the int8 inputs' own reference), |y - float64 of x| %.3g",
                        json.get("maxAbsError").asDouble(), json.get("maxAbsErrorVsX").asDouble());
        return new Result(json, check.passed(), check.summary() + errors);
    }

    /** What to do when the scale puts a configuration word out of its range (docs/cli.md, "Scales out of range"). */
    static String workaround(Op op) {
        return op == Op.SOFTMAX
                ? "Softmax ignores a constant added to a row: subtract each row's mean (or max) from its scores to shrink a range over "
                  + "about 1400; for scores all below about 0.011, give \"inScale\" of at least 8.5e-5."
                : "Multiplying x by k and eps by k² leaves the normalized output unchanged: scale x up (and eps with it), "
                  + "or give a larger \"inScale\".";
    }

    /** The path (e.g. {@code tokens[2].y[5]}) of the first NaN or infinite number in the document, or null. */
    static String firstNonFinite(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isNumber()) return Double.isFinite(node.asDouble()) ? null : path;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = firstNonFinite(node.get(i), path + "[" + i + "]");
                if (p != null) return p;
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = firstNonFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (p != null) return p;
            }
        }
        return null;
    }

    private static ObjectNode response(EvalRequest req, Engine engine, String topName, QuantizedLayer q, InputScales in,
                                       List<byte[]> tokens, CheckResult check) {
        Params p = req.params();
        Variant variant = req.variant();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("op", req.op().name().toLowerCase());
        root.put("variant", variant.name().toLowerCase());
        root.put("top", topName);
        ObjectNode ps = root.putObject("params");
        ps.put("n", p.n());
        ps.put("m", p.m());
        ps.put("P", p.p());
        ps.put("Q", p.q());
        ps.put("C", p.c());
        root.put("engine", engine.name().toLowerCase());
        ObjectNode scales = root.putObject("scales");
        scales.put("in", in.configured());
        scales.put("perToken", in.perToken());
        ArrayNode outScale = scales.putArray("out");
        for (double v : variant == Variant.MATMUL ? q.scales().matmulScale() : q.scales().outScale()) outScale.add(v);
        root.put("matchesGoldenModel", check.passed());
        if (check.passed()) root.putNull("firstMismatch"); else root.put("firstMismatch", check.firstMismatch().describe());
        ArrayNode out = root.putArray("tokens");
        boolean compared = variant != Variant.MATMUL;
        double maxErr = 0;
        double maxErrVsX = 0;
        for (int t = 0; t < tokens.size(); t++) {
            ObjectNode o = out.addObject();
            o.put("inScale", in.token(t));
            ArrayNode int8 = o.putArray("int8");
            double[] dequantized = new double[p.n()];
            for (int i = 0; i < p.n(); i++) {
                int8.add(tokens.get(t)[i]);
                dequantized[i] = tokens.get(t)[i] * in.token(t);
            }
            long[] lanes = lanesOf(check.received(), t, p.groups(), p.q());
            double[] y = lanes == null ? null : q.scales().dequantize(variant, lanes);
            // matmul-only outputs carry the input scale (W^T x): a token's own scale replaces the configured one
            if (y != null && variant == Variant.MATMUL) for (int j = 0; j < y.length; j++) y[j] *= in.token(t) / in.configured();
            putArray(o, "raw", lanes);
            putArray(o, "y", y);
            double[] ref = req.layer().reference(dequantized);
            double[] refX = req.layer().reference(req.rows().get(t));
            putArray(o, "reference", ref);
            putArray(o, "referenceFromX", refX);
            Double e = compared && y != null ? maxAbsDiff(y, ref) : null;
            Double ex = compared && y != null ? maxAbsDiff(y, refX) : null;
            putNumber(o, "maxAbsError", e);
            putNumber(o, "maxAbsErrorVsX", ex);
            if (e != null) maxErr = Math.max(maxErr, e);
            if (ex != null) maxErrVsX = Math.max(maxErrVsX, ex);
        }
        putNumber(root, "maxAbsError", compared ? maxErr : null);
        putNumber(root, "maxAbsErrorVsX", compared ? maxErrVsX : null);
        return root;
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
        return m;
    }

    private static void putNumber(ObjectNode o, String key, Double v) {
        if (v == null) o.putNull(key); else o.put(key, v);
    }

    private static void putArray(ObjectNode o, String key, long[] values) {
        if (values == null) { o.putNull(key); return; }
        ArrayNode a = o.putArray(key);
        for (long v : values) a.add(v);
    }

    private static void putArray(ObjectNode o, String key, double[] values) {
        if (values == null) { o.putNull(key); return; }
        ArrayNode a = o.putArray(key);
        for (double v : values) a.add(v);
    }

    /** The m lanes of token t from the received beats, or null if the top did not deliver all of them. */
    private static long[] lanesOf(List<OutputBeat> received, int t, int g, int q) {
        if (received.size() < (t + 1) * g) return null;
        long[] lanes = new long[g * q];
        for (int b = 0; b < g; b++) System.arraycopy(received.get(t * g + b).lanes(), 0, lanes, b * q, q);
        return lanes;
    }

    public static String toJson(Result r) {
        try {
            return MAPPER.writeValueAsString(r.json()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
