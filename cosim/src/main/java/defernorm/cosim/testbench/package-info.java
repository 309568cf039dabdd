/**
 * Writing testbenches on top of {@link defernorm.cosim.Simulation}: {@link defernorm.cosim.testbench.Testbench}
 * runs fork/join tasks on virtual threads in lockstep with the clock; {@link defernorm.cosim.testbench.StreamSource},
 * {@link defernorm.cosim.testbench.StreamSink} and {@link defernorm.cosim.testbench.StreamMonitor} drive and
 * watch AXI4-Stream channels with seeded random valid/ready patterns. Usable from any JUnit test, on either engine.
 *
 * <pre>{@code
 * try (Simulation sim = Simulations.open(design, SimOptions.verilator()); Testbench tb = new Testbench(sim)) {
 *     sim.reset();
 *     StreamSource src = new StreamSource(tb, StreamPorts.of(sim, "in_valid", "in_ready", "in_data"), 0.7, 1);
 *     StreamSink sink = new StreamSink(tb, StreamPorts.of(sim, "out_valid", "out_ready", "out_data"), 0.5, 2);
 *     src.send(1, 2, 3);
 *     tb.fork("done", () -> { while (sink.received().size() < 3) tb.step(); });
 *     tb.run(1_000);
 * }
 * }</pre>
 */
package defernorm.cosim.testbench;
