package defernorm.cosim;

import defernorm.hdl.SourceLocator;
import java.math.BigInteger;

/** A checked value differed from what was expected. The message names cycle, net, values and source line. */
public final class SimulationMismatch extends RuntimeException {
    private final long cycle;
    private final String net;
    private final BigInteger expected;
    private final BigInteger actual;

    /** For engines: the mismatch found now, at the line of the caller outside the simulator library. */
    public SimulationMismatch(long cycle, String net, BigInteger expected, BigInteger actual) {
        this(cycle, net, expected, actual, SourceLocator.callerOutside(Simulation.class).map(String::valueOf).orElse(null));
    }

    public SimulationMismatch(long cycle, String net, BigInteger expected, BigInteger actual, String where) {
        super("cycle " + cycle + ": " + net + " was " + actual + ", expected " + expected
                + (where == null ? "" : " (expect at " + where + ")"));
        this.cycle = cycle;
        this.net = net;
        this.expected = expected;
        this.actual = actual;
    }

    public long cycle() { return cycle; }
    public String net() { return net; }
    public BigInteger expected() { return expected; }
    public BigInteger actual() { return actual; }
}
