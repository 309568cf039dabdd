package defernorm.cosim.testbench;

import java.util.SplittableRandom;

/**
 * The AXI4-Stream source rule, apart from any simulator: with a word waiting and none offered, offer it
 * ({@code tvalid} high) on a seeded random share of the cycles; once offered, hold it until the sink takes
 * it ({@code tready} high on the same cycle). {@link StreamSource} drives a design's input with it, and the
 * main checker's token source ({@code defernorm.testbench.stimulus.TokenSource}) uses the same instance
 * type, so a seed gives the same valid pattern in a user's testbench and in {@code defernorm cosim}.
 *
 * <pre>{@code
 * SourceHandshake hs = new SourceHandshake(0.7, 42);
 * boolean valid = hs.offer(queue.size() > 0);  // before the clock edge
 * if (hs.taken(ready)) queue.poll();           // after it, with the sampled tready
 * }</pre>
 */
public final class SourceHandshake {
    private final double validShare;
    private final SplittableRandom random;
    private boolean offering;

    /**
     * @param validShare the chance, each cycle with a word waiting and none offered, that it is offered
     *                   (1.0: back to back, and no random numbers are drawn)
     * @param seed       the pattern's seed
     */
    public SourceHandshake(double validShare, long seed) {
        if (!(validShare > 0 && validShare <= 1)) {
            throw new IllegalArgumentException("validShare must be in (0, 1], not " + validShare);
        }
        this.validShare = validShare;
        this.random = new SplittableRandom(seed);
    }

    /** Start of a cycle: decides whether a waiting word is offered now; returns {@code tvalid}. */
    public boolean offer(boolean wordWaiting) {
        if (!offering && wordWaiting) offering = validShare >= 1.0 || random.nextDouble() < validShare;
        return offering;
    }

    /** {@code tvalid} as decided for this cycle. */
    public boolean offering() { return offering; }

    /** End of a cycle, given the sampled {@code tready}: true when the offered word was taken. */
    public boolean taken(boolean ready) {
        if (!(offering && ready)) return false;
        offering = false;
        return true;
    }
}
