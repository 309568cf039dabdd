package defernorm.eda;

/** The three external checks of one design (see {@link ToolChecks#checkAll}). */
public record CheckReport(String top, ToolResult verilator, ToolResult iverilog, SynthResult yosys) {

    public boolean passed() { return verilator.passed() && iverilog.passed() && yosys.passed(); }

    /** The failed checks with their tool output, or an empty string if all passed. */
    public String failures() {
        StringBuilder sb = new StringBuilder();
        for (ToolResult r : new ToolResult[]{verilator, iverilog, yosys.run()}) {
            if (!r.passed()) sb.append(top).append(": ").append(r.summary()).append('\n');
        }
        return sb.toString();
    }
}
