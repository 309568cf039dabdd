package defernorm.testbench.stimulus;

import java.util.SplittableRandom;

/**
 * The sink's {@code m_axis_tready}, cycle by cycle: always high for {@link Flow#FREE}, otherwise a seeded
 * coin per cycle. It never looks at the design, so the same seed gives the same pattern on any engine.
 *
 * <pre>{@code SinkReady r = new SinkReady(Flow.random(1, 0.5), 7L); boolean ready = r.next(); }</pre>
 */
public final class SinkReady {
    private final double probability;
    private final SplittableRandom random;

    public SinkReady(Flow flow, long seed) {
        this.probability = flow.outputReady();
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    public boolean next() { return probability >= 1.0 || random.nextDouble() < probability; }
}
