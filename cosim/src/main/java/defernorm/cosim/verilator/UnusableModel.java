package defernorm.cosim.verilator;

/**
 * A cached model that exists but cannot be started (a library that does not load, a missing or stale
 * binary): {@link VerilatorSimulation} rebuilds it once, then reports it with the command to clear it.
 */
final class UnusableModel extends RuntimeException {
    UnusableModel(String message, Throwable cause) { super(message, cause); }
}
