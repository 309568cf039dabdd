package defernorm.hdl.emit;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the two Yosys {@code stat} reports written by {@link ToolChecks#yosysSynth}. */
final class YosysStats {
    private static final Pattern CELLS = Pattern.compile("^\\s+Number of cells:\\s+(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern WIDTH_SUFFIX = Pattern.compile("(\\$[a-z_]+?)_(\\d+)");
    private static final Pattern CELL_TYPE = Pattern.compile("^\\s+(\\$\\S+|\\\\\\S+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    private YosysStats() {}

    /**
     * @param beforeMemoryMap the {@code stat -width} report before memories are mapped to logic
     * @param finalReport     the last {@code stat} report (gate level, or the same coarse report)
     */
    static SynthStats parse(String beforeMemoryMap, String finalReport) {
        Map<String, Integer> before = cellTypes(beforeMemoryMap);
        Map<String, Integer> after = cellTypes(finalReport);
        Matcher c = CELLS.matcher(finalReport);
        int cells = c.find() ? Integer.parseInt(c.group(1)) : after.values().stream().mapToInt(Integer::intValue).sum();
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

    private static Map<String, Integer> cellTypes(String report) {
        Map<String, Integer> m = new TreeMap<>();
        Matcher x = CELL_TYPE.matcher(report);
        while (x.find()) m.merge(x.group(1), Integer.parseInt(x.group(2)), Integer::sum);
        return m;
    }
}
