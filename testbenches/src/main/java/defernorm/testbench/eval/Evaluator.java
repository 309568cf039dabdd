package defernorm.testbench.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.golden.model.Params;
import defernorm.golden.model.QuantizedLayer;
import defernorm.golden.model.Quantizer;
import defernorm.golden.model.Variant;
import defernorm.testbench.check.CheckPlan;
import defernorm.testbench.check.CheckResult;
import defernorm.testbench.check.Checker;
import defernorm.testbench.check.OutputBeat;
import defernorm.testbench.dut.LayerProblem;
import defernorm.testbench.dut.Tops;
import java.util.List;

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
        double maxAbs = 0;
        for (double[] row : req.rows()) for (double v : row) maxAbs = Math.max(maxAbs, Math.abs(v));
        double inScale = req.inScale() != null ? req.inScale() : Quantizer.scaleFor(maxAbs);
        QuantizedLayer q;
        try {
            q = req.layer().quantize(params, inScale);
        } catch (IllegalArgumentException e) {
            throw new EvalInputError("the inputs cannot be quantized: " + e.getMessage());
        }
        List<byte[]> tokens = req.rows().stream().map(q::quantizeInput).toList();
        LayerProblem problem = new LayerProblem(req.layer(), q, tokens);
        var top = Tops.underTest(req.variant(), q.config());
        CheckResult check = Checker.check(top, CheckPlan.free(tokens, 1L), SimOptions.of(engine));
        ObjectNode json = response(req, engine, top.name(), problem, check);
        String bad = firstNonFinite(json, "");
        if (bad != null) {
            throw new EvalInputError("the inputs give a non-finite value at " + bad
                    + " (their magnitudes are too far apart to quantize); rescale them toward 1.");
        }
        return new Result(json, check.passed(), check.summary());
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

    private static ObjectNode response(EvalRequest req, Engine engine, String topName, LayerProblem problem, CheckResult check) {
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
        scales.put("in", problem.quantized().scales().inScale());
        ArrayNode outScale = scales.putArray("out");
        double[] os = variant == Variant.MATMUL ? problem.quantized().scales().matmulScale() : problem.quantized().scales().outScale();
        for (double v : os) outScale.add(v);
        root.put("matchesGoldenModel", check.passed());
        if (check.passed()) root.putNull("firstMismatch"); else root.put("firstMismatch", check.firstMismatch().describe());
        ArrayNode tokens = root.putArray("tokens");
        double maxErr = 0;
        int g = p.groups();
        for (int t = 0; t < problem.tokens().size(); t++) {
            ObjectNode o = tokens.addObject();
            ArrayNode in = o.putArray("int8");
            for (byte b : problem.tokens().get(t)) in.add(b);
            long[] lanes = lanesOf(check.received(), t, g, p.q());
            double[] ref = problem.reference(t);
            if (lanes == null) {
                o.putNull("raw");
                o.putNull("y");
            } else {
                ArrayNode raw = o.putArray("raw");
                for (long v : lanes) raw.add(v);
                ArrayNode y = o.putArray("y");
                for (double v : problem.dequantize(variant, lanes)) y.add(v);
            }
            ArrayNode r = o.putArray("reference");
            for (double v : ref) r.add(v);
            double[] err = lanes == null ? null : problem.absErrors(variant, t, lanes);
            if (err == null) {
                o.putNull("maxAbsError");
            } else {
                double e = 0;
                for (double v : err) e = Math.max(e, v);
                o.put("maxAbsError", e);
                maxErr = Math.max(maxErr, e);
            }
        }
        if (variant == Variant.MATMUL) root.putNull("maxAbsError"); else root.put("maxAbsError", maxErr);
        return root;
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
