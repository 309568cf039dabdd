package defernorm.testbench.check;

import java.nio.file.Path;

/**
 * The first place a top disagreed with the golden model, or broke a stream rule.
 *
 * <pre>{@code
 * mismatch.describe();
 * // "cycle 57 (stream cycle 41): m_axis_tdata expected 0x00ff0012 but was 0x00ff0013 (token 2, output beat 1, lane 0: expected 18, was 19)"
 * }</pre>
 *
 * @param cycle       simulation cycle (rising edges since the simulation opened, as in the waveform)
 * @param streamCycle cycle counted from the first edge of the stream phase (after reset and configuration)
 * @param signal      the port that differed, e.g. {@code m_axis_tdata}, or the rule's port
 * @param expected    what the golden model (or the rule) required, as text
 * @param actual      what the top produced, as text
 * @param token       index of the token concerned, or -1 when no token is
 * @param outputIndex index of the output beat within that token, or -1
 * @param detail      anything more that helps (differing lane, rule broken); may be empty
 * @param wave        a VCD window around the cycle, or null when none was written
 */
public record Mismatch(long cycle, long streamCycle, String signal, String expected, String actual,
                       int token, int outputIndex, String detail, Path wave) {

    public Mismatch withWave(Path file) {
        return new Mismatch(cycle, streamCycle, signal, expected, actual, token, outputIndex, detail, file);
    }

    /** One line, for the CLI and test failures. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("cycle ").append(cycle).append(" (stream cycle ").append(streamCycle).append("): ")
                .append(signal).append(" expected ").append(expected).append(" but was ").append(actual);
        if (token >= 0) {
            s.append(" (token ").append(token);
            if (outputIndex >= 0) s.append(", output beat ").append(outputIndex);
            if (!detail.isEmpty()) s.append(", ").append(detail);
            s.append(')');
        } else if (!detail.isEmpty()) {
            s.append(" (").append(detail).append(')');
        }
        if (wave != null) s.append("; waveform: ").append(wave);
        return s.toString();
    }

    @Override public String toString() { return describe(); }
}
