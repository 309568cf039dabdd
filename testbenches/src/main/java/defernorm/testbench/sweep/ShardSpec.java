package defernorm.testbench.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One slice of a sweep, {@code i/N}: the points whose grid index is {@code i} modulo {@code N}, with a 0-based
 * {@code i} (0 ≤ i < N), as a Kubernetes indexed Job's {@code JOB_COMPLETION_INDEX} or a Slurm array
 * {@code --array=0-3} numbers its tasks. Taking every N-th point (rather than N consecutive runs of points)
 * gives every slice the same mix of cheap and costly points.
 *
 * <pre>{@code
 * ShardSpec s = ShardSpec.parse("1/4");
 * s.contains(point);   // point.index() % 4 == 1
 * }</pre>
 *
 * @param index which slice, 0 to count − 1
 * @param count how many slices
 */
public record ShardSpec(int index, int count) {
    /** The whole grid as one slice. */
    public static final ShardSpec ALL = new ShardSpec(0, 1);

    private static final Pattern FORM = Pattern.compile("\\s*([+-]?\\d{1,9})\\s*/\\s*([+-]?\\d{1,9})\\s*");

    public ShardSpec {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count N in i/N must be at least 1, got " + index + "/" + count + ".");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the shard index i in i/N counts from 0 and must be below N (0/" + count + " to "
                    + (count - 1) + "/" + count + "), got " + index + "/" + count + ".");
        }
    }

    /** Parses {@code i/N}; anything else is one sentence naming the form. */
    public static ShardSpec parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a shard is i/N: slice i (counted from 0) of N, e.g. 0/4 to 3/4; got '" + text + "'.");
        }
        return new ShardSpec(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** True when {@code p} belongs to this slice. */
    public boolean contains(GridPoint p) {
        return p.index() % count == index;
    }

    @Override public String toString() {
        return index + "/" + count;
    }
}
