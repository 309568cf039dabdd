package defernorm.eda;

/**
 * The outcome of {@link ToolChecks#yosysSynth}: the tool run (passed only if synthesis worked and left no
 * latch) and the parsed statistics ({@code null} when Yosys failed or is missing).
 */
public record SynthResult(ToolResult run, SynthStats stats) {
    public boolean passed() { return run.passed(); }
}
