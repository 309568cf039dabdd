package defernorm.cosim;

/** The simulation engines behind {@link Simulation}. */
public enum Engine {
    /** The built-in cycle simulator: needs nothing installed, starts at once. */
    BUILTIN,
    /**
     * Verilator: the design compiled to C++, loaded into the JVM through the FFM API (or, with
     * {@link SimOptions#withIsolation}, run as a child process).
     */
    VERILATOR
}
