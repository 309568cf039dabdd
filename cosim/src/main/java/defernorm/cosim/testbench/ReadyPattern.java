package defernorm.cosim.testbench;

import java.util.SplittableRandom;

/**
 * A sink's {@code tready}, cycle by cycle: high on a seeded random share of the cycles (backpressure). It
 * never looks at the design, so a seed gives the same pattern on either engine. {@link StreamSink} drives a
 * design's output with it, and the main checker ({@code defernorm cosim --output-ready}) uses it too.
 *
 * <pre>{@code
 * ReadyPattern ready = new ReadyPattern(0.5, 7);
 * boolean r = ready.next();  // once per cycle
 * }</pre>
 */
public final class ReadyPattern {
    private final double readyShare;
    private final SplittableRandom random;

    /** @param readyShare the chance each cycle that {@code tready} is high (1.0: always, no numbers drawn) */
    public ReadyPattern(double readyShare, long seed) {
        if (!(readyShare > 0 && readyShare <= 1)) {
            throw new IllegalArgumentException("readyShare must be in (0, 1], not " + readyShare);
        }
        this.readyShare = readyShare;
        this.random = new SplittableRandom(seed);
    }

    /** The next cycle's {@code tready}. */
    public boolean next() { return readyShare >= 1.0 || random.nextDouble() < readyShare; }
}
