package defernorm.testbench.stimulus;

/**
 * How freely the two streams flow: the chance that the source offers a new beat on a cycle (input
 * bubbles) and the chance that the sink is ready on a cycle (output backpressure). {@link #FREE} is the
 * no-backpressure case in which the checker compares every cycle against the golden schedule.
 *
 * <pre>{@code Flow f = Flow.random(0.7, 0.5);  // 30% input bubbles, sink ready half the time }</pre>
 */
public record Flow(double inputValid, double outputReady) {
    public static final Flow FREE = new Flow(1.0, 1.0);

    public Flow {
        if (!(inputValid > 0 && inputValid <= 1)) throw new IllegalArgumentException("the input-valid probability must be in (0, 1], not " + inputValid);
        if (!(outputReady > 0 && outputReady <= 1)) throw new IllegalArgumentException("the output-ready probability must be in (0, 1], not " + outputReady);
    }

    public static Flow random(double inputValid, double outputReady) { return new Flow(inputValid, outputReady); }

    /** True when neither side ever stalls: the schedule is exact and every cycle can be compared. */
    public boolean isFree() { return inputValid == 1.0 && outputReady == 1.0; }
}
