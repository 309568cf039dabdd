package defernorm.cosim;

import defernorm.hdl.SourceLocator;

/** The error for using a simulation after {@link Simulation#close}: names the design and the caller's line. */
public final class SimulationClosed extends IllegalStateException {
    private SimulationClosed(String message) { super(message); }

    /** For engines: the error for a call on the closed simulation of {@code design}. */
    public static SimulationClosed of(String design) {
        String where = SourceLocator.callerOutside(Simulation.class).map(at -> " (called at " + at + ")").orElse("");
        return new SimulationClosed("the simulation of " + design + " is closed" + where);
    }
}
