package defernorm.eda;

import java.util.List;

/**
 * What one run of an external tool said.
 *
 * @param tool     which tool ran
 * @param command  the command line (for reproducing by hand)
 * @param passed   whether the check passed (tool-specific: e.g. Verilator lint needs zero warnings)
 * @param exitCode the process exit code; -1 if the tool is missing or timed out
 * @param output   stdout and stderr, interleaved; for a missing tool, the install hint
 * @param millis   wall time of the run
 */
public record ToolResult(Tool tool, List<String> command, boolean passed, int exitCode, String output, long millis) {
    public ToolResult { command = List.copyOf(command); }

    /** Lines of tool output {@link #summary()} shows; the full text stays in {@link #output()}. */
    public static final int SUMMARY_LINES = 60;

    /**
     * One line for reports: {@code verilator: passed in 312 ms}, or the failure with the first
     * {@value #SUMMARY_LINES} lines of the tool's output.
     */
    public String summary() {
        if (passed) return tool.executable() + ": passed in " + millis + " ms";
        List<String> lines = output.strip().lines().toList();
        String shown = String.join("\n", lines.subList(0, Math.min(lines.size(), SUMMARY_LINES)));
        if (lines.size() > SUMMARY_LINES) shown += "\n... (" + (lines.size() - SUMMARY_LINES) + " more lines)";
        return tool.executable() + ": FAILED (exit " + exitCode + ") running " + String.join(" ", command) + "\n" + shown;
    }
}
