package defernorm.cosim.verilator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the output of a failed {@code verilator --build} (Verilator's own {@code %Error} lines, or g++'s
 * {@code error:} lines) into a short message that names each problem by {@code File.v:line} and quotes
 * that line of the Verilog.
 */
final class BuildErrors {
    private static final Pattern LOCATION = Pattern.compile("(?:[^\\s:]*/)?([\\w.-]+\\.(?:v|sv|vlt|cpp|h)):(\\d+)");
    private static final int MAX_ERRORS = 8;

    private BuildErrors() {}

    /**
     * The message for a failed build of {@code top}. {@code sources} maps Verilog file names to their
     * text, used to quote the offending lines.
     */
    static String describe(String top, String output, Map<String, String> sources) {
        List<String> errors = new ArrayList<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith("%Error") || l.contains(": error:") || l.contains(": fatal error:")) {
                if (l.startsWith("%Error: Exiting due to") || l.startsWith("%Error: make ") || l.startsWith("%Error: Command Failed")) continue;
                errors.add(l);
            }
        }
        if (errors.isEmpty()) return "Verilator could not build the model of " + top + ": " + tail(output, 15);
        Set<String> shown = new LinkedHashSet<>();
        for (String e : errors) {
            if (shown.size() == MAX_ERRORS) break;
            shown.add(withQuotedLine(shortenPaths(e), sources));
        }
        String more = errors.size() > shown.size() ? "\n  (" + (errors.size() - shown.size()) + " more)" : "";
        return "Verilator could not build the model of " + top + ":\n  " + String.join("\n  ", shown) + more;
    }

    static String shortenPaths(String line) {
        return LOCATION.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + m.group(2)));
    }

    private static String withQuotedLine(String line, Map<String, String> sources) {
        Matcher m = LOCATION.matcher(line);
        if (!m.find()) return line;
        String text = sources.get(m.group(1));
        if (text == null) return line;
        String[] lines = text.split("\n", -1);
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || n > lines.length) return line;
        return line + "\n      | " + lines[n - 1].strip();
    }

    /** The last {@code n} non-blank lines of a tool's output. */
    static String tail(String output, int n) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
