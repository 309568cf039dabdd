package defernorm.testbench.eval;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.golden.model.NormLayer;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.testbench.dut.RealLayer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A parsed, shape-checked {@code eval} input (the JSON shape is documented in docs/cli.md).
 *
 * <pre>{@code
 * EvalRequest r = EvalRequest.parse(Files.readString(path), path.toString());
 * }</pre>
 *
 * @param op      the op
 * @param variant the variant (default deferred)
 * @param params  n and m from the arrays, P, Q, C from "params" (defaults 8, 4, 4, clipped to divide n and m)
 * @param rows    the real-valued inputs, one row of n per token (activations, or scores for softmax)
 * @param layer   the real-valued layer
 * @param inScale the input scale as given; null to derive it from max |rows|
 * @param perTokenScales {@code "inScale": "per-token"}: each token quantized with its own scale (see {@link InputScales})
 */
public record EvalRequest(Op op, Variant variant, Params params, List<double[]> rows, RealLayer layer, Double inScale,
                          boolean perTokenScales) {
    // FAIL_ON_TRAILING_TOKENS stays off: readOneDocument checks what follows the document itself, because
    // with the feature a trailing word that does not lex (e.g. "xyz") is reported as a bad token, not as
    // content after the document.
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static EvalRequest parse(String json, String source) {
        JsonShapes s = new JsonShapes(source);
        JsonNode root;
        try {
            root = readOneDocument(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw s.error("not valid JSON" + where + ": " + jsonProblem(e.getOriginalMessage()) + ".");
        }
        if (root == null || !root.isObject()) throw s.error("the input must be a JSON object (see docs/cli.md).");
        Op op = parseEnum(Op.class, s.required(root, "op", "layernorm, rmsnorm or softmax"), "op", s);
        Variant variant = root.has("variant") ? parseEnum(Variant.class, root.get("variant"), "variant", s) : Variant.DEFERRED;
        String rowsField = op == Op.SOFTMAX ? "scores" : "x";
        double[][] rows = s.matrix(s.required(root, rowsField, op == Op.SOFTMAX ? "one row of n scores per query" : "one row of n activations per token"),
                rowsField, -1, "", -1, "");
        int n = rows[0].length;
        RealLayer layer;
        int m;
        if (op == Op.SOFTMAX) {
            double[][] v = s.matrix(s.required(root, "v", "the n x m matrix V"), "v", n, "n", -1, "");
            m = v[0].length;
            layer = RealLayer.attention(v);
        } else {
            String wField = "weights";
            double[][] f = s.matrix(s.required(root, wField, "the n x m weights of the linear layer"), wField, n, "n", -1, "");
            m = f[0].length;
            double[] bias = root.has("bias") ? s.vector(root.get("bias"), "bias", m, "m") : new double[m];
            double eps = root.has("eps") ? s.number(root.get("eps"), "eps") : 1e-5;
            if (!(eps >= JsonShapes.MIN_SCALE)) throw s.error("\"eps\" = " + root.get("eps").asText() + " must be at least 1e-30.");
            if (op == Op.LAYERNORM) {
                double[] gamma = root.has("gamma") ? s.vector(root.get("gamma"), "gamma", n, "n") : ones(n);
                double[] beta = root.has("beta") ? s.vector(root.get("beta"), "beta", n, "n") : new double[n];
                layer = RealLayer.norm(NormLayer.layerNorm(gamma, beta, f, bias, eps));
            } else {
                double[] g = root.has("g") ? s.vector(root.get("g"), "g", n, "n") : ones(n);
                layer = RealLayer.norm(NormLayer.rmsNorm(g, f, bias, eps));
            }
        }
        JsonNode p = root.get("params");
        if (p != null && !p.isObject()) throw s.error("\"params\" must be an object such as {\"P\": 8, \"Q\": 4, \"C\": 4}.");
        if (p != null) {
            if (p.has("n") && s.integer(p.get("n"), "params.n") != n) throw s.error("params.n = " + p.get("n") + " but the rows have n = " + n + " values.");
            if (p.has("m") && s.integer(p.get("m"), "params.m") != m) throw s.error("params.m = " + p.get("m") + " but the matrix has m = " + m + " columns.");
        }
        int lanesIn = p != null && p.has("P") ? s.integer(p.get("P"), "params.P") : largestDivisorUpTo(n, 8);
        int lanesOut = p != null && p.has("Q") ? s.integer(p.get("Q"), "params.Q") : largestDivisorUpTo(m, 4);
        int c = p != null && p.has("C") ? s.integer(p.get("C"), "params.C") : 4;
        Params params;
        try {
            params = new Params(n, m, lanesIn, lanesOut, c);
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
        Double inScale = null;
        boolean perToken = root.has("inScale") && root.get("inScale").isTextual();
        if (perToken && !InputScales.PER_TOKEN.equals(root.get("inScale").asText())) {
            throw s.error("\"inScale\" must be a positive number or \"" + InputScales.PER_TOKEN + "\", got \"" + root.get("inScale").asText() + "\".");
        }
        if (root.has("inScale") && !perToken) {
            inScale = s.number(root.get("inScale"), "inScale");
            if (!(inScale >= JsonShapes.MIN_SCALE)) throw s.error("\"inScale\" = " + root.get("inScale").asText() + " must be at least 1e-30.");
        }
        return new EvalRequest(op, variant, params, Arrays.asList(rows), layer, inScale, perToken);
    }

    /**
     * The one JSON value in {@code json}; anything after it (another value, a stray bracket, a word) is an
     * error located where it starts, whether it is a whole value, a stray bracket or a word that does not lex.
     */
    private static JsonNode readOneDocument(String json) throws JsonProcessingException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            JsonNode root = MAPPER.readTree(p);
            if (root == null) return null;
            JsonToken next;
            try {
                next = p.nextToken();
            } catch (JsonProcessingException e) {
                throw new JsonParseException(p, "Trailing token", e.getLocation());
            }
            if (next != null) throw new JsonParseException(p, "Trailing token", p.currentTokenLocation());
            return root;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Jackson's message reduced to what a user needs: no source excerpt, reference chain, character codes,
     * feature or class names (the location is reported separately).
     */
    static String jsonProblem(String original) {
        String m = original == null ? "" : original.strip().lines().findFirst().orElse("");
        if (m.startsWith("Trailing token") || m.contains("for root starting")) return "unexpected content after the end of the JSON document";
        var nonStandard = java.util.regex.Pattern.compile("Non-standard token '([^']*)'").matcher(m);
        if (nonStandard.find()) return "'" + nonStandard.group(1) + "' is not allowed in JSON (numbers must be finite)";
        for (String cut : new String[] {" (start marker at", " at [Source", "[Source:", " (through reference chain", "(through reference chain"}) {
            int i = m.indexOf(cut);
            if (i >= 0) m = m.substring(0, i);
        }
        m = m.replaceAll(" ?\\(code -?\\d+\\)", "")
                .replaceAll("\\(\\(CTRL-CHAR, code \\d+\\)\\)", "(a control character such as a line break)")
                .replaceAll("`[^`]*`", "")
                .replaceAll("\\b(?:com|java)\\.[\\w.$]+", "")
                .replaceAll(":\\s*enable\\s+to allow", "")
                .replaceAll("\\s+", " ").strip();
        while (m.endsWith(".") || m.endsWith(":") || m.endsWith(";")) m = m.substring(0, m.length() - 1).strip();
        if (m.isEmpty()) return "the file is malformed";
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, JsonNode v, String field, JsonShapes s) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        if (!v.isTextual()) throw s.error("\"" + field + "\" must be one of " + names + ".");
        try {
            return Enum.valueOf(type, v.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw s.error("unknown " + field + " \"" + v.asText() + "\"; expected one of " + names + ".");
        }
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }

    static int largestDivisorUpTo(int value, int cap) {
        for (int d = Math.min(cap, value); d > 1; d--) if (value % d == 0) return d;
        return 1;
    }
}
