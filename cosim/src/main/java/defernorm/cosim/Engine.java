package defernorm.cosim;

/** The simulation engines behind {@link Simulation}. */
public enum Engine {
    /** The built-in cycle simulator: needs nothing installed, starts at once. */
    BUILTIN,
    /** Verilator, built and run as a child process. */
    VERILATOR
}
