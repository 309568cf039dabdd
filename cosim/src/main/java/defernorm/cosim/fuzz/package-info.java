/**
 * The differential fuzz campaign behind {@code make fuzz}: random designs ({@link defernorm.cosim.random})
 * on the built-in engine, Verilator and Icarus ({@link defernorm.cosim.fuzz.IcarusRun}); every disagreement
 * or tool rejection is minimized ({@link defernorm.cosim.fuzz.Minimizer}) and saved as a
 * {@link defernorm.cosim.fuzz.Reproducer} that the test suite replays.
 */
package defernorm.cosim.fuzz;
