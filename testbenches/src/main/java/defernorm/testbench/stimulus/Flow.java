package defernorm.testbench.stimulus;

import defernorm.cosim.testbench.ReadyPattern;
import defernorm.golden.timing.Arrivals;

/**
 * How freely the two streams flow: the chance that the source offers a new beat on a cycle (input
 * bubbles) and the chance that the sink is ready on a cycle (output backpressure). While the sink is
 * always ready the golden timeline fixes every cycle, bubbles or not, and the checker compares every cycle.
 *
 * <pre>{@code
 * Flow gaps = Flow.random(0.7, 1.0);  // 30% input bubbles, sink always ready: every cycle compared
 * Flow bp   = Flow.random(0.7, 0.5);  // sink ready half the time: transactions and stream rules
 * }</pre>
 */
public record Flow(double inputValid, double outputReady) {
    public static final Flow FREE = new Flow(1.0, 1.0);

    public Flow {
        if (!(inputValid > 0 && inputValid <= 1)) throw new IllegalArgumentException("the input-valid probability must be in (0, 1], not " + inputValid);
        if (!(outputReady > 0 && outputReady <= 1)) throw new IllegalArgumentException("the output-ready probability must be in (0, 1], not " + outputReady);
    }

    public static Flow random(double inputValid, double outputReady) { return new Flow(inputValid, outputReady); }

    /** True when neither side ever stalls. */
    public boolean isFree() { return inputValid == 1.0 && outputReady == 1.0; }

    /** True when the sink never stalls the output: the golden timeline then gives every cycle. */
    public boolean sinkAlwaysReady() { return outputReady == 1.0; }

    /**
     * The sink's {@code m_axis_tready} pattern for {@code seed}: {@link #outputReady} of the cycles, drawn
     * from a stream independent of the source's bubbles under the same seed. It never looks at the design,
     * so the same seed gives the same pattern on any engine.
     */
    public ReadyPattern sinkReady(long seed) { return new ReadyPattern(outputReady, seed ^ 0x5DEECE66DL); }

    /**
     * When the source offers each beat, as the golden timeline takes it: line rate, or a beat after a seeded
     * random number of idle cycles ({@link Arrivals#randomGaps}) when {@link #inputValid} is below 1.
     */
    public Arrivals arrivals(long seed) {
        return inputValid == 1.0 ? Arrivals.lineRate() : Arrivals.randomGaps(seed, inputValid);
    }
}
