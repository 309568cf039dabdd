package defernorm.golden.timing;

import java.util.SplittableRandom;

/**
 * When the source offers each input beat: the earliest edge at which {@code s_axis_tvalid} is high with
 * that beat, given the edge the previous beat was accepted (or -1 before the first). The schedule then
 * accepts it at the first edge from there on at which the datapath is ready, and the source holds it
 * valid until then (AXI4-Stream). Deterministic: the same beat always gets the same offer.
 *
 * <pre>{@code
 * Timeline busy = schedule.run(10, Arrivals.lineRate());          // tvalid always high
 * Timeline gaps = schedule.run(10, Arrivals.randomGaps(7, 0.6));  // tvalid high 60% of the cycles
 * }</pre>
 */
@FunctionalInterface
public interface Arrivals {

    /** The earliest edge at which beat {@code beat} of token {@code token} is offered; at least {@code previousAccept + 1}. */
    long offer(int token, int beat, long previousAccept);

    /** A source that always has the next beat ready. */
    static Arrivals lineRate() {
        return (token, beat, previousAccept) -> previousAccept + 1;
    }

    /**
     * A source that, each cycle it has no beat out, raises {@code tvalid} with probability {@code validRate}:
     * every beat waits a geometric number of idle cycles after the previous handshake. Seeded per beat.
     */
    static Arrivals randomGaps(long seed, double validRate) {
        if (!(validRate > 0 && validRate <= 1)) {
            throw new IllegalArgumentException("validRate must be in (0, 1], got " + validRate + ".");
        }
        return (token, beat, previousAccept) -> {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ((long) token << 20) + beat);
            long idle = 0;
            while (r.nextDouble() >= validRate && idle < 1_000) idle++;
            return previousAccept + 1 + idle;
        };
    }
}
