/**
 * The Verilator engine behind {@link defernorm.cosim.Simulation}: {@link defernorm.cosim.verilator.VerilatorSimulation}.
 *
 * <p>How a session works, one class per step: {@code NetTable} numbers the nets the model exposes;
 * {@code HarnessSource} generates the C++ (the model core {@code model_core.inc} plus the in-process shim
 * {@code shim.cpp} or the child harness {@code harness.cpp}) and the {@code public.vlt} that makes debug
 * nets public; {@code ModelBuilder} runs {@code verilator --build} into the {@code BuildCache} (atomic
 * publish, keyed by SHA-256) linking the cached {@code RuntimeLibrary}. A {@code ModelSession} then runs
 * it: {@code NativeSession} loads the shared library into the JVM through the FFM API (the default;
 * {@code NativeBatch} runs batches as a two-thread pipeline over block columns the model reads and writes
 * directly; {@code BatchColumns} lays a block's columns out for either mode), {@code ProcessSession} drives a child process ({@code ModelProcess}
 * logs every byte sent for replay and turns crashes and hangs ({@code Watchdog}) into one
 * {@link defernorm.cosim.verilator.VerilatorException}; {@code BatchRun} streams batches with a writer
 * thread). Both modes and the wire format are described in docs/cosim-protocol.md.
 *
 * <pre>{@code
 * try (Simulation sim = Simulations.open(design, SimOptions.verilator())) {
 *     sim.reset();
 *     sim.runBatch(List.of("x"), List.of("y"), 1_000_000,
 *             (first, count, in) -> { for (int k = 0; k < count; k++) in[0][k] = (first + k) & 0xFF; },
 *             (first, count, out) -> { for (int k = 0; k < count; k++) check(first + k, out[0][k]); });
 * }
 * }</pre>
 */
package defernorm.cosim.verilator;
