package defernorm.eda;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two Yosys {@code stat -json} reports written by {@link ToolChecks#yosysSynth}: the totals of the
 * flattened design (its {@code "design"} object, or the one module when Yosys omits it).
 */
final class YosysStats {
    /** Yosys 0.23 writes {@code "modules": { },} with a trailing comma when nothing is left of the design. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    /** Word-level cell types carry their width when stat runs with {@code -width}: {@code $sdffe_8}. */
    private static final Pattern WIDTH_SUFFIX = Pattern.compile("(\\$[a-z_]+?)_(\\d+)");

    private YosysStats() {}

    /**
     * @param beforeMemoryMap the {@code stat -json -width} report before memories are mapped to logic
     * @param finalReport     the last {@code stat -json} report (gate level, or the same coarse report)
     */
    static SynthStats parse(String beforeMemoryMap, String finalReport) {
        JsonNode last = totals(finalReport);
        Map<String, Integer> before = cellTypes(totals(beforeMemoryMap));
        Map<String, Integer> after = cellTypes(last);
        int cells = last.path("num_cells").asInt(after.values().stream().mapToInt(Integer::intValue).sum());
        int memories = 0, flops = 0, latches = 0;
        for (var e : before.entrySet()) if (e.getKey().startsWith("$mem")) memories += e.getValue();
        for (var e : after.entrySet()) {
            // Gate-level types are one bit each ($_SDFFE_PP0P_); word-level ones carry a width ($sdffe_8).
            Matcher w = WIDTH_SUFFIX.matcher(e.getKey());
            String base = (w.matches() ? w.group(1) : e.getKey()).toUpperCase();
            int bits = e.getValue() * (w.matches() ? Integer.parseInt(w.group(2)) : 1);
            if (base.contains("LATCH") || base.startsWith("$_SR_") || base.equals("$SR")) latches += bits;
            else if (base.contains("DFF") || base.contains("_FF_") || base.equals("$FF")) flops += bits;
        }
        return new SynthStats(cells, flops, memories, latches, after);
    }

    private static JsonNode totals(String report) {
        try {
            JsonNode root = JSON.readTree(report);
            if (root.has("design")) return root.get("design");
            JsonNode modules = root.path("modules");
            if (modules.size() == 1) return modules.elements().next();
            if (modules.isEmpty()) return MissingNode.getInstance();   // an empty design: no cells
            throw new IllegalStateException("Yosys's stat report has no design totals and " + modules.size() + " modules.");
        } catch (IOException e) {
            throw new UncheckedIOException("Yosys's stat report is not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> cellTypes(JsonNode totals) {
        Map<String, Integer> m = new TreeMap<>();
        totals.path("num_cells_by_type").properties().forEach(e -> m.merge(e.getKey(), e.getValue().asInt(), Integer::sum));
        return m;
    }
}
