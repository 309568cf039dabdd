package defernorm.cosim.bench;

/**
 * How fast the native loop ran on one core: the median over the co-simulation rounds on that core (see
 * {@link CorePlacement}), for one design. Two cores' figures side by side show how far apart they are.
 */
record CoreSpeed(String design, int cpu, double nativeCyclesPerSecond) {}
