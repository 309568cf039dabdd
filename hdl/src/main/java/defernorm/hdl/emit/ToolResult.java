package defernorm.hdl.emit;

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

    /** One line for reports: {@code verilator: passed in 312 ms}, or the failure with the tool's output. */
    public String summary() {
        if (passed) return tool.executable() + ": passed in " + millis + " ms";
        return tool.executable() + ": FAILED (exit " + exitCode + ") running " + String.join(" ", command)
                + "\n" + output.strip();
    }
}
