package defernorm.testbench.check;

import java.util.Arrays;

/**
 * One beat of a top's output stream: the {@code Q} lane values of output beat {@code index} of token
 * {@code token}, as integers of the top's output format. {@code last} is the expected {@code m_axis_tlast}.
 *
 * <pre>{@code new OutputBeat(0, 1, new long[] {12, -3}, true)}</pre>
 */
public record OutputBeat(int token, int index, long[] lanes, boolean last) {
    public OutputBeat { lanes = lanes.clone(); }

    @Override public long[] lanes() { return lanes.clone(); }

    public long lane(int i) { return lanes[i]; }

    public int width() { return lanes.length; }

    @Override public boolean equals(Object o) {
        return o instanceof OutputBeat b && b.token == token && b.index == index && b.last == last
                && Arrays.equals(b.lanes, lanes);
    }

    @Override public int hashCode() { return 31 * (31 * token + index) + Arrays.hashCode(lanes) + (last ? 1 : 0); }

    @Override public String toString() {
        return "token " + token + " beat " + index + " " + Arrays.toString(lanes) + (last ? " last" : "");
    }
}
