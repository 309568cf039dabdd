package defernorm.testbench.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads numbers, vectors and matrices out of a JSON tree, failing with one sentence that names the field. */
final class JsonShapes {
    /** The largest magnitude accepted for any input number (beyond float32's range, so never a real activation). */
    static final double MAX_MAGNITUDE = 1e30;
    /** The smallest accepted scale ({@code inScale}): below it 1 / scale overflows downstream. */
    static final double MIN_SCALE = 1e-30;

    private final String source;

    JsonShapes(String source) { this.source = source; }

    EvalInputError error(String sentence) { return new EvalInputError(source + ": " + sentence); }

    JsonNode required(JsonNode root, String field, String what) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) throw error("\"" + field + "\" is missing (" + what + ").");
        return v;
    }

    double number(JsonNode v, String field) {
        if (!v.isNumber()) throw error("\"" + field + "\" must be a number, not " + kind(v) + ".");
        double d = v.asDouble();
        if (!Double.isFinite(d) || Math.abs(d) > MAX_MAGNITUDE) {
            throw error("\"" + field + "\" = " + v.asText() + " is out of range: every number must be finite with magnitude at most 1e30.");
        }
        return d;
    }

    int integer(JsonNode v, String field) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw error("\"" + field + "\" must be an integer, not " + kind(v) + ".");
        return v.asInt();
    }

    /** A vector; {@code length} < 0 accepts any non-empty length. */
    double[] vector(JsonNode v, String field, int length, String lengthName) {
        if (!v.isArray()) throw error("\"" + field + "\" must be a list of numbers, not " + kind(v) + ".");
        if (length >= 0 && v.size() != length) {
            throw error("\"" + field + "\" must have " + lengthName + " = " + length + " numbers, but has " + v.size() + ".");
        }
        if (v.isEmpty()) throw error("\"" + field + "\" must not be empty.");
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = number(v.get(i), field + "[" + i + "]");
        return out;
    }

    /** A rows x cols matrix (list of rows); negative sizes accept any, consistent across rows. */
    double[][] matrix(JsonNode v, String field, int rows, String rowsName, int cols, String colsName) {
        if (!v.isArray() || v.isEmpty() || !v.get(0).isArray()) {
            throw error("\"" + field + "\" must be a list of rows, each a list of numbers.");
        }
        if (rows >= 0 && v.size() != rows) {
            throw error("\"" + field + "\" must have " + rowsName + " = " + rows + " rows, but has " + v.size() + ".");
        }
        int width = cols >= 0 ? cols : v.get(0).size();
        String widthName = cols >= 0 ? colsName : "the first row's length";
        double[][] out = new double[v.size()][];
        for (int i = 0; i < out.length; i++) out[i] = vector(v.get(i), field + "[" + i + "]", width, widthName);
        return out;
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> "a number";
        };
    }
}
