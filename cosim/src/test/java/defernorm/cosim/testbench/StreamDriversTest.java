package defernorm.cosim.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.cosim.Engine;
import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.Simulations;
import defernorm.examples.Fifo;
import defernorm.hdl.Elaborator;
import defernorm.eda.Tool;
import defernorm.eda.ToolChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AXI4-Stream source, sink and monitors around the example FIFO, on both engines, with random valid/ready. */
class StreamDriversTest {
    private static Simulation fifo(Engine e) {
        if (e == Engine.VERILATOR) ToolChecks.skipReason(Tool.VERILATOR).ifPresent(Assumptions::abort);
        return Simulations.open(Elaborator.elaborate(new Fifo(8, 4)), SimOptions.of(e));
    }

    @ParameterizedTest(name = "{0}, valid {1}, ready {2}")
    @CsvSource({"BUILTIN, 1.0, 1.0", "BUILTIN, 0.6, 0.3", "VERILATOR, 0.6, 0.3", "VERILATOR, 0.9, 0.95"})
    void everyWordArrivesInOrderAndTheChannelsFollowTheProtocol(Engine engine, double validShare, double readyShare) {
        try (Simulation sim = fifo(engine); Testbench tb = new Testbench(sim)) {
            sim.reset();
            StreamPorts in = StreamPorts.of(sim, "in_valid", "in_ready", "in_data");
            StreamPorts out = StreamPorts.of(sim, "out_valid", "out_ready", "out_data");
            StreamSource source = new StreamSource(tb, in, validShare, 11);
            StreamSink sink = new StreamSink(tb, out, readyShare, 12);
            StreamMonitor inMon = new StreamMonitor(tb, in);
            StreamMonitor outMon = new StreamMonitor(tb, out);
            List<Long> words = new ArrayList<>();
            SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < 300; i++) words.add((long) r.nextInt(256));
            source.send(words.stream().mapToLong(Long::longValue).toArray());
            tb.fork("until all arrived", () -> { while (sink.received().size() < words.size()) tb.step(); });
            tb.run(100_000);
            assertEquals(words, sink.received());
            assertEquals(0, source.pending());
            assertEquals(List.of(), inMon.violations());
            assertEquals(List.of(), outMon.violations());
            assertEquals(words.size(), inMon.transfers().size());
            assertEquals(words.size(), outMon.transfers().size());
            if (readyShare < 0.5) assertTrue(tb.cycles() > words.size() * 2L, "backpressure slowed it: " + tb.cycles());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BUILTIN"})
    void portsOfAnotherSimulationAreRefused(Engine engine) {
        try (Simulation a = fifo(engine); Simulation b = fifo(engine); Testbench tb = new Testbench(a)) {
            StreamPorts other = StreamPorts.of(b, "in_valid", "in_ready", "in_data");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StreamSource(tb, other, 1, 1));
            assertTrue(e.getMessage().contains("port in_valid belongs to another simulation"), e.getMessage());
            assertTrue(e.getMessage().contains("StreamDriversTest.java:"), e.getMessage());
        }
    }
}
